using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Incidents;

/// <summary>Instances stopped by an error: retry once the cause is fixed, or cancel the case's process (with a reason, confirmed).</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Chair)]
public sealed class IndexModel(
    IncidentList list, IncidentActions actions, AwaitingReferrals awaiting, ReferralRestart restart,
    IStringLocalizer<IncidentsText> text, IStringLocalizer<CasesText> casesText) : PageModel
{
    public IReadOnlyList<IncidentRow> Incidents { get; private set; } = [];

    /// <summary>Cases whose referral process has not started: they have no instance to stop, so no incident, but wait all the same.</summary>
    public IReadOnlyList<AwaitingReferral> NotStarted { get; private set; } = [];

    public bool ShowsDetails => User.IsInRole(Roles.Administrator);

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool Confirmed { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Incidents = await list.OpenAsync(User, cancellationToken);
        NotStarted = await awaiting.ForAsync(User, cancellationToken);
    }

    public async Task<IActionResult> OnPostStartReferralAsync(string number, CancellationToken cancellationToken)
    {
        var result = await restart.StartAsync(User, number, cancellationToken);
        // Here only administrators and chairs come; a case of another district is answered as a missing one.
        if (result.Outcome is RestartOutcome.NoSuchCase or RestartOutcome.NotAllowed) return NotFound();
        TempData["Status"] = $"{number}: {ShowModel.StartMessage(casesText, result)}";
        return RedirectToPage();
    }

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
        TempData["Status"] = IncidentsApi.MessageOf(result, done, text, ShowsDetails);
        return RedirectToPage();
    }
}
