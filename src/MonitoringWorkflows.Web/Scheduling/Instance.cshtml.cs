using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Access;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Scheduling;

/// <summary>
/// One instance's pending timers: for administrators (who see no case, but run the clock) with a form to move each,
/// and for the chair and secretary of the instance's case. An instance of a case the reader may not see is a 404.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.Chair + "," + Roles.Secretary)]
public sealed class InstanceModel(WorkflowDbContext db, CaseAccess access, InstanceTimers timers, TimerRescheduling rescheduling,
    TimeProvider time, IStringLocalizer<SchedulingText> text) : PageModel
{
    /// <summary>How far ahead a timer may be moved: further is surely a typing mistake.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(5 * 366);

    public long Id { get; private set; }
    public string? ProcessName { get; private set; }
    public string? CaseNumber { get; private set; }
    public bool MayOpenCase { get; private set; }
    public TimerPanel Panel { get; private set; } = new([], false, null);
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public long? Moved { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRescheduleAsync(long id, long timerId, string? dueAt, string? reason, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Roles.Administrator)) return Forbid();
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Moved = null;
        if (Check(timerId, dueAt, reason) is { } problem) return Refused(problem);
        var (outcome, _) = await rescheduling.RescheduleAsync(timerId, ParseBaku(dueAt!)!.Value, User.Identity?.Name ?? "administrator",
            cancellationToken, reason!.Trim());
        if (outcome != RescheduleOutcome.Moved) return Refused(text["Error_NotPending"]);
        return RedirectToPage(new { id, moved = timerId });
    }

    /// <summary>Why the form's values cannot move the timer, in the reader's language; null when they can.</summary>
    private string? Check(long timerId, string? dueAt, string? reason)
    {
        if (!Panel.Timers.Any(t => t.Id == timerId)) return text["Error_NotPending"];
        if (string.IsNullOrWhiteSpace(dueAt)) return text["Error_DueAtRequired"];
        if (ParseBaku(dueAt) is not { } due) return text["Error_DueAtInvalid", dueAt];
        var now = time.GetUtcNow();
        if (due < now.AddMinutes(-1)) return text["Error_DueAtPast", now.ToLocalDisplay()];
        if (due > now + Horizon) return text["Error_DueAtTooFar"];
        if (string.IsNullOrWhiteSpace(reason)) return text["Error_ReasonRequired"];
        return reason.Length > 500 ? text["Error_ReasonTooLong", 500].Value : null;
    }

    private PageResult Refused(string problem)
    {
        Error = problem;
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    /// <summary>A browser's date-time field (no offset) read as Baku time; one with an offset as given.</summary>
    private static DateTimeOffset? ParseBaku(string text)
    {
        if (AzerbaijanTime.ParseLocal(text.Trim()) is { } local) return local;
        return text.Contains('T') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? moment : null;
    }

    /// <summary>False for an instance that does not exist, and alike for one of a case a chair or secretary may not see.</summary>
    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var instance = await db.ProcessInstances.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.BusinessKey, i.DefinitionVersion!.Name, i.DefinitionVersion.Key }).FirstOrDefaultAsync(cancellationToken);
        if (instance is null) return false;
        var key = instance.BusinessKey;
        MayOpenCase = key is not null && await access.VisibleTo(User).AnyAsync(c => c.Number == key, cancellationToken);
        var administers = User.IsInRole(Roles.Administrator);
        if (!administers && !MayOpenCase) return false;
        (Id, ProcessName, CaseNumber) = (id, instance.Name ?? instance.Key, key);
        Panel = new TimerPanel(await timers.OfInstanceAsync(id, cancellationToken), administers, id);
        return true;
    }
}
