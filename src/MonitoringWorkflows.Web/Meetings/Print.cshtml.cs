using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MonitoringWorkflows.Web.Organisation;

namespace MonitoringWorkflows.Web.Meetings;

/// <summary>The minutes (or, before closing, the agenda) on paper: no navigation, print styles only.</summary>
[Authorize(Roles = Roles.Chair + "," + Roles.Secretary)]
public sealed class PrintModel(MeetingBook book) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(User, id, cancellationToken) is not { } meeting) return NotFound();
        Meeting = meeting;
        return Page();
    }
}
