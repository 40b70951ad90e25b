using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Organisation.Agencies;

/// <summary>The agencies steps can be assigned to: the six member agencies and any an administrator adds (e.g. an NGO shelter).</summary>
public sealed class IndexModel(WorkflowDbContext db, TimeProvider time, IStringLocalizer<OrganisationText> text) : PageModel
{
    [BindProperty]
    public AgencyInput Input { get; set; } = new();

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await db.Agencies.AnyAsync(a => a.Code == Input.Code, cancellationToken))
            ModelState.AddModelError("Input.Code", text["Agencies_DuplicateCode"]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        db.Agencies.Add(new Agency { Code = Input.Code, Name = Input.Name.Trim(), CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = text["Agencies_Added", Input.Code].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Code).ToListAsync(cancellationToken);
}

public sealed class AgencyInput
{
    /// <summary>What BPMN <c>mw:agency</c> will name: a letter, then letters and digits (PascalCase by habit).</summary>
    [Required(ErrorMessage = "Validation_Required")]
    [RegularExpression("^[A-Z][A-Za-z0-9]{1,49}$", ErrorMessage = "Validation_AgencyCode")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_TooLong")]
    public string Name { get; set; } = "";
}
