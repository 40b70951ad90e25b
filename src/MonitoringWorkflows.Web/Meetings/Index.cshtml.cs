using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MonitoringWorkflows.Web.Organisation;

namespace MonitoringWorkflows.Web.Meetings;

/// <summary>The district's meetings, upcoming and past, and the form that schedules the next one.</summary>
[Authorize(Roles = Roles.Chair + "," + Roles.Secretary)]
public sealed class IndexModel(MeetingBook book, MeetingEditor editor) : PageModel
{
    [BindProperty]
    public ScheduleRequest Input { get; set; } = new();

    public MeetingList Meetings { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!MeetingBook.MayUse(User)) return NotFound();
        Meetings = await book.ListAsync(User, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var change = await editor.ScheduleAsync(User, Input, cancellationToken);
        if (change.Outcome == ChangeOutcome.NotFound) return NotFound();
        if (change.Outcome == ChangeOutcome.Ok) return Redirect($"/meetings/{change.Id}");
        ModelState.Clear();
        foreach (var (field, messages) in change.Errors!)
            foreach (var message in messages) ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        Meetings = await book.ListAsync(User, cancellationToken);
        return Page();
    }
}
