using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Organisation;

namespace MonitoringWorkflows.Web.Cases;

/// <summary>
/// A registrar records a report of violence. Every check runs on the server; a refused form comes back with a message
/// at each wrong field and everything typed kept. Saving creates the case and starts its referral process.
/// </summary>
[Authorize(Roles = Roles.Registrar)]
public sealed class NewModel(CaseIntake intake, TimeProvider time, IStringLocalizer<CasesText> text) : PageModel
{
    /// <summary>Rows for victims on the form: enough for most reports without any script to add more.</summary>
    public const int VictimRows = 4;

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public void OnGet() => PadVictims();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ReportCheck.Run(Input, ModelState, text, DateOnly.FromDateTime(AzerbaijanTime.Of(time.GetUtcNow()).DateTime));
        // A registrar without a district has no monitoring group to hand the case to (national users hold no cases).
        var districtId = User.DistrictIdOf();
        if (districtId is null) ModelState.AddModelError("", text["Error_NoDistrict"]);
        if (!ModelState.IsValid || districtId is null)
        {
            PadVictims();
            return Page();
        }
        // The form's unused victim rows are not part of the report.
        Input.Victims.RemoveAll(victim => victim.IsBlank);
        var result = await intake.RecordAsync(Input, districtId.Value, User.Identity!.Name!, cancellationToken);
        return Redirect($"/cases/{Uri.EscapeDataString(result.CaseNumber)}/registered");
    }

    private void PadVictims()
    {
        while (Input.Victims.Count < VictimRows) Input.Victims.Add(new VictimInput());
    }
}
