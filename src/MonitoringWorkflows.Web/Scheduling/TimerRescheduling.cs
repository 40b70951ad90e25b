using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Scheduling;

public enum RescheduleOutcome { Moved, NotFound, NotPending }

/// <summary>
/// Moves a pending timer to a new due time: the row and a journal line in one transaction, then the clock's trigger.
/// Only the row's time changes; the engine's own copy of the due time in the instance state stays as it was (a cycle
/// timer's next repetition still counts from its original time).
/// </summary>
public sealed class TimerRescheduling(
    IDbContextFactory<WorkflowDbContext> contexts,
    WriteGate writes,
    ITimerScheduler clock,
    TimeProvider time)
{
    /// <param name="reason">Why it was moved, kept in the journal (the operations page requires one).</param>
    public async Task<(RescheduleOutcome Outcome, TimerRecord? Timer)> RescheduleAsync(long timerId, DateTimeOffset dueAt, string actor,
        CancellationToken cancellationToken, string? reason = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var timer = await db.Timers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == timerId, cancellationToken);
        if (timer is null) return (RescheduleOutcome.NotFound, null);
        var moved = await writes.RunAsync(() => MoveRowAsync(db, timer, dueAt, actor, reason, cancellationToken), cancellationToken);
        if (!moved) return (RescheduleOutcome.NotPending, await db.Timers.AsNoTracking().FirstAsync(t => t.Id == timerId, cancellationToken));
        await clock.TimersChangedAsync([new PendingTimer(timerId, dueAt)], [], cancellationToken);
        timer.DueAt = dueAt;
        return (RescheduleOutcome.Moved, timer);
    }

    /// <summary>Only a row still pending moves: one that fired or was cancelled meanwhile is left as it is.</summary>
    private async Task<bool> MoveRowAsync(WorkflowDbContext db, TimerRecord timer, DateTimeOffset dueAt, string actor, string? reason,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.Timers.Where(t => t.Id == timer.Id && t.Status == TimerStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, dueAt), cancellationToken);
        if (rows == 0) return false;
        db.JournalEntries.Add(new JournalEntryRecord
        {
            InstanceId = timer.InstanceId, At = time.GetUtcNow(), Kind = JournalKind.TimerRescheduled, ElementId = timer.ElementId,
            Actor = actor, Detail = $"Timer {timer.Id} moved from {timer.DueAt:u} to {dueAt:u}." + (reason is null ? "" : $" Reason: {reason}"),
            DataJson = new JsonObject { ["timerId"] = timer.Id, ["from"] = timer.DueAt, ["to"] = dueAt, ["reason"] = reason }.ToJsonString(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
