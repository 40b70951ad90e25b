using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Calendar;

/// <summary>The days off of a year, which deadlines in working days skip; administrators add and remove them.</summary>
[Authorize(Policy = IdentityRegistration.AdministratorPolicy)]
public sealed class IndexModel(WorkflowDbContext db, NationalCalendar calendar, TimeProvider time, IStringLocalizer<CalendarText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public DayOffInput Input { get; set; } = new();

    public int ShownYear { get; private set; }
    public IReadOnlyList<DayOffRecord> DaysOff { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && Input.Date is { } date && await db.DaysOff.AnyAsync(d => d.Date == date, cancellationToken))
            ModelState.AddModelError("Input.Date", text["Duplicate"]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var added = new DayOffRecord
        {
            Date = Input.Date!.Value, Name = Input.Name.Trim(), AddedBy = User.Identity!.Name!, AddedAt = time.GetUtcNow(),
        };
        db.DaysOff.Add(added);
        await db.SaveChangesAsync(cancellationToken);
        await calendar.ReloadAsync(cancellationToken);
        TempData["Status"] = text["Added", added.Date.ToString("D"), added.Name].Value;
        return RedirectToPage(new { year = added.Date.Year });
    }

    public async Task<IActionResult> OnPostRemoveAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var removed = await db.DaysOff.Where(d => d.Date == date).ExecuteDeleteAsync(cancellationToken);
        await calendar.ReloadAsync(cancellationToken);
        TempData["Status"] = removed == 0 ? text["AlreadyRemoved"].Value : text["Removed", date.ToString("D")].Value;
        return RedirectToPage(new { year = date.Year });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ShownYear = Year is >= 2000 and <= 2100 ? Year.Value : AzerbaijanTime.Of(time.GetUtcNow()).Year;
        var (first, last) = (new DateOnly(ShownYear, 1, 1), new DateOnly(ShownYear, 12, 31));
        DaysOff = await db.DaysOff.AsNoTracking().Where(d => d.Date >= first && d.Date <= last).OrderBy(d => d.Date).ToListAsync(cancellationToken);
    }
}

public sealed class DayOffInput
{
    [Required(ErrorMessage = "Validation_Required")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_TooLong")]
    public string Name { get; set; } = "";
}
