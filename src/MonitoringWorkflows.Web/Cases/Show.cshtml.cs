using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Access;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Scheduling;

namespace MonitoringWorkflows.Web.Cases;

/// <summary>
/// The case page: summary, report, the process diagram (drawn by a page script from <c>/api/cases/{number}/diagram</c>),
/// steps and timeline, each as much as the user's sight allows. The view is recorded before anything is shown; a case
/// the user may not see is a 404, exactly like one that does not exist.
/// </summary>
public sealed class ShowModel(CaseAccess access, CaseViewAudit audit, CaseReader reader, InstanceTimers timers, TimeProvider time) : PageModel
{
    public CaseSummary Summary { get; private set; } = null!;
    public CaseReport Report { get; private set; } = null!;
    public IReadOnlyList<CaseStep> Steps { get; private set; } = [];
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    /// <summary>The pending timers of the case's instances, for the chair and the secretary; null for others.</summary>
    public TimerPanel? Timers { get; private set; }

    public bool SeesProcess => Summary.Sight != CaseSight.Recorded;

    /// <summary>The case's referral process has not started (its start failed): a notice, and for some a button.</summary>
    public bool AwaitsStart { get; private set; }

    /// <summary>The user may start the case's referral process (administrators, the district's chair).</summary>
    public bool MayStart { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, number, cancellationToken) is not { } seen) return NotFound();
        // The view is being committed while the page's facts are read; nothing is shown before it is recorded.
        var recorded = audit.RecordAsync(User, seen.Case, CaseViewChannels.CasePage, cancellationToken);
        var page = await reader.PageAsync(User, seen, cancellationToken);
        (Summary, Steps, Timeline) = (page.Summary, page.Steps, page.Timeline);
        Report = CaseReport.Of(seen.Case, seen.Sight);
        AwaitsStart = AwaitingStart.Is(seen.Case, time.GetUtcNow());
        MayStart = AwaitsStart && ReferralRestart.MayStart(User, seen.Case);
        if (seen.Sight == CaseSight.Whole)
            Timers = new TimerPanel(await timers.OfCaseAsync(seen.Case.Number, cancellationToken), User.IsInRole(Roles.Administrator), null);
        await recorded;
        return Page();
    }

    // The start's services come with the POST alone: the case page's GET, a hot path, does not build them.
    public async Task<IActionResult> OnPostStartReferralAsync(string number, [FromServices] ReferralRestart restart,
        [FromServices] IStringLocalizer<CasesText> text, CancellationToken cancellationToken)
    {
        // The page is the case page: whoever may not see the case gets what its GET gives, a 404.
        if (await access.FindAsync(User, number, cancellationToken) is null) return NotFound();
        var result = await restart.StartAsync(User, number, cancellationToken);
        if (result.Outcome == RestartOutcome.NoSuchCase) return NotFound();
        if (result.Outcome == RestartOutcome.NotAllowed) return Forbid();
        TempData["Status"] = StartMessage(text, result);
        // Not RedirectToPage: routes are written in lower case, and a case number is matched as written.
        return Redirect($"/cases/{Uri.EscapeDataString(number)}");
    }

    /// <summary>What the user reads after asking to start a referral; the runner's reason when it failed again.</summary>
    internal static string StartMessage(IStringLocalizer<CasesText> text, RestartResult result) => result.Outcome switch
    {
        RestartOutcome.Started => text["Restart_Started"],
        RestartOutcome.AlreadyStarted => text["Restart_AlreadyStarted"],
        RestartOutcome.StoppedByIncident => text["Restart_StoppedByIncident"],
        _ => text["Restart_Failed", result.Message ?? ""],
    };
}
