using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MonitoringWorkflows.Web.Access;

namespace MonitoringWorkflows.Web.Cases;

/// <summary>
/// The case page: summary, report, the process diagram (drawn by a page script from <c>/api/cases/{number}/diagram</c>),
/// steps and timeline, each as much as the user's sight allows. The view is recorded before anything is shown; a case
/// the user may not see is a 404, exactly like one that does not exist.
/// </summary>
public sealed class ShowModel(CaseAccess access, CaseViewAudit audit, CaseReader reader) : PageModel
{
    public CaseSummary Summary { get; private set; } = null!;
    public CaseReport Report { get; private set; } = null!;
    public IReadOnlyList<CaseStep> Steps { get; private set; } = [];
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public bool SeesProcess => Summary.Sight != CaseSight.Recorded;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, number, cancellationToken) is not { } seen) return NotFound();
        // The view is being committed while the page's facts are read; nothing is shown before it is recorded.
        var recorded = audit.RecordAsync(User, seen.Case, CaseViewChannels.CasePage, cancellationToken);
        var page = await reader.PageAsync(User, seen, cancellationToken);
        (Summary, Steps, Timeline) = (page.Summary, page.Steps, page.Timeline);
        Report = CaseReport.Of(seen.Case, seen.Sight);
        await recorded;
        return Page();
    }
}
