using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MonitoringWorkflows.Web.Inbox;

/// <summary>The inbox: the user's steps by filter, soonest due first, 50 a page. Users without an inbox get 403.</summary>
public sealed class IndexModel(InboxQueries queries) : PageModel
{
    public InboxPage Steps { get; private set; } = null!;

    /// <summary>After a completion the step page's script comes back here with what happened, to confirm it.</summary>
    [FromQuery(Name = "outcome")]
    public string? Outcome { get; set; }

    [FromQuery(Name = "case")]
    public string? CaseNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(string? filter, int? page, CancellationToken cancellationToken)
    {
        if (StepAccess.HolderOf(User) is not { } holder) return Forbid();
        Steps = await queries.ListAsync(holder, InboxFilters.Parse(filter), page ?? 1, cancellationToken);
        return Page();
    }

    public string PageLink(int page) => $"/inbox?filter={Steps.Filter.Name()}&page={page}";
}
