using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Organisation.Districts;

/// <summary>The districts (local executive authorities), each with its monitoring group.</summary>
public sealed class IndexModel(WorkflowDbContext db, TimeProvider time, IStringLocalizer<OrganisationText> text) : PageModel
{
    [BindProperty]
    public DistrictInput Input { get; set; } = new();

    public IReadOnlyList<District> Districts { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await db.Districts.AnyAsync(d => d.Code == Input.Code, cancellationToken))
            ModelState.AddModelError("Input.Code", text["Districts_DuplicateCode"]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        db.Districts.Add(new District { Code = Input.Code, Name = Input.Name.Trim(), CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = text["Districts_Added", Input.Name.Trim()].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
}

public sealed class DistrictInput
{
    /// <summary>Goes into case numbers (<c>CODE-2026-0001</c>): upper-case letters and digits.</summary>
    [Required(ErrorMessage = "Validation_Required")]
    [RegularExpression("^[A-Z0-9]{2,10}$", ErrorMessage = "Validation_DistrictCode")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_TooLong")]
    public string Name { get; set; } = "";
}
