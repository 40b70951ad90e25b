using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Organisation;

namespace MonitoringWorkflows.Web.Meetings;

/// <summary>
/// One meeting: while open, the secretary adjusts the agenda, records attendance and the decision on each case, and
/// closes the minutes; once closed, the minutes are shown read-only (every change answers 409).
/// </summary>
[Authorize(Roles = Roles.Chair + "," + Roles.Secretary)]
public sealed class ShowModel(MeetingBook book, MeetingEditor editor, MinutesClosing closing, IStringLocalizer<MeetingsText> text) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;

    /// <summary>The item whose decision form failed its checks: shown again as posted, with the messages.</summary>
    public long? FailedItem { get; private set; }

    [BindProperty]
    public DecisionRequest Decision { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostProposeAsync(long id, CancellationToken cancellationToken) =>
        AfterAsync(id, editor.ProposeAsync(User, id, cancellationToken), "Done_Proposed", "", cancellationToken);

    public Task<IActionResult> OnPostAddCaseAsync(long id, AgendaCaseRequest addCase, CancellationToken cancellationToken) =>
        AfterAsync(id, editor.AddCaseAsync(User, id, addCase, cancellationToken), "Done_CaseAdded", "AddCase.", cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(long id, long itemId, CancellationToken cancellationToken) =>
        AfterAsync(id, editor.RemoveItemAsync(User, id, itemId, cancellationToken), "Done_CaseRemoved", "", cancellationToken);

    public Task<IActionResult> OnPostAttendanceAsync(long id, AttendanceRequest attendance, CancellationToken cancellationToken) =>
        AfterAsync(id, editor.AttendanceAsync(User, id, attendance, cancellationToken), "Done_AttendanceSaved", "Attendance.", cancellationToken);

    public Task<IActionResult> OnPostDecisionAsync(long id, long itemId, CancellationToken cancellationToken)
    {
        FailedItem = itemId;
        return AfterAsync(id, editor.DecideAsync(User, id, itemId, Decision, cancellationToken), "Done_DecisionSaved", "Decision.", cancellationToken);
    }

    public Task<IActionResult> OnPostCloseAsync(long id, CloseRequest close, CancellationToken cancellationToken) =>
        AfterAsync(id, closing.CloseAsync(User, id, close, cancellationToken), "Done_Closed", "Close.", cancellationToken);

    private async Task<IActionResult> AfterAsync(long id, Task<MeetingChange> changing, string done, string prefix,
        CancellationToken cancellationToken)
    {
        var change = await changing;
        switch (change.Outcome)
        {
            case ChangeOutcome.NotFound: return NotFound();
            case ChangeOutcome.Closed: return StatusCode(StatusCodes.Status409Conflict);
            case ChangeOutcome.Ok:
                TempData["Status"] = text[done].Value;
                return Redirect($"/meetings/{id}");
        }
        ModelState.Clear();
        foreach (var (field, messages) in change.Errors!)
            foreach (var message in messages) ModelState.AddModelError(prefix + field, message);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(User, id, cancellationToken) is not { } meeting) return false;
        Meeting = meeting;
        return true;
    }

    /// <summary>The decision form of an item: as posted when it failed, otherwise as recorded, with two blank action rows.</summary>
    public DecisionRequest FormOf(AgendaItemView item)
    {
        var form = FailedItem == item.Id && !ModelState.IsValid ? Decision : new DecisionRequest
        {
            Decision = item.Decision, Outcome = item.Outcome,
            Actions = item.Actions.Select(a => new ActionRequest { Agency = a.Agency, Text = a.Text, DueDate = a.DueDate }).ToList(),
        };
        while (form.Actions.Count(a => a.IsBlank) < 2) form.Actions.Add(new ActionRequest());
        return form;
    }

    public string? ErrorOf(long itemId, string field) =>
        FailedItem == itemId && ModelState.TryGetValue("Decision." + field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
