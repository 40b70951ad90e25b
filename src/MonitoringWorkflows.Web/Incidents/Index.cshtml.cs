using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Incidents;

/// <summary>Instances stopped by an error: retry once the cause is fixed, or cancel the case's process (with a reason, confirmed).</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Chair)]
public sealed class IndexModel(IncidentList list, IncidentActions actions, IStringLocalizer<IncidentsText> text) : PageModel
{
    public IReadOnlyList<IncidentRow> Incidents { get; private set; } = [];

    public bool ShowsDetails => User.IsInRole(Roles.Administrator);

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool Confirmed { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Incidents = await list.OpenAsync(User, cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken) =>
        Done(await actions.RetryAsync(User, id, cancellationToken), text["Retried"]);

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Reason) || !Confirmed)
        {
            TempData["Status"] = string.IsNullOrWhiteSpace(Reason) ? text["ReasonRequired"].Value : text["ConfirmRequired"].Value;
            return RedirectToPage();
        }
        return Done(await actions.CancelAsync(User, id, Reason.Trim(), cancellationToken), text["Cancelled"]);
    }

    private IActionResult Done(RunResult result, string done)
    {
        if (result.Outcome == RunOutcome.NotFound) return NotFound();
        var technical = ShowsDetails && !result.IsOk ? $" {result.Message}" : "";
        TempData["Status"] = result.Outcome switch
        {
            RunOutcome.Ok => done,
            RunOutcome.Incident => text["FailedAgain"] + technical,
            _ => text["NotDone"] + technical,
        };
        return RedirectToPage();
    }
}
