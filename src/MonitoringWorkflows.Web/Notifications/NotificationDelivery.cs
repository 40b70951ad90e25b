using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Notifications;

/// <summary>
/// Turns what processes asked for into notifications: each undelivered <c>notification</c> outbox message becomes one
/// notification per holder of its agency or role in the case's district, and each newly opened user task tells its
/// holders (an assignment) and enters the deadline sweep. Both go in batches of <see cref="BatchSize"/>, one transaction
/// (one durable commit) each; every batch is claimed by a conditional update in the transaction that writes its
/// notifications, so a retried or raced delivery tells no one twice.
/// </summary>
public sealed class NotificationDelivery(NotificationWriter writer, TimeProvider time, ILogger<NotificationDelivery> logger)
{
    public const string OutboxKind = "notification";
    internal const int BatchSize = 200;

    /// <summary>Delivers everything waiting; returns how many notifications were written.</summary>
    public async Task<int> DeliverAsync(CancellationToken cancellationToken)
    {
        var written = await DeliverMessagesAsync(cancellationToken);
        written += await DeliverAssignmentsAsync(cancellationToken);
        return written;
    }

    private async Task<int> DeliverMessagesAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        while (true)
        {
            var batch = await writer.WriteAsync(
                db => new MessageBatch(db, time.GetUtcNow(), logger).DeliverAsync(cancellationToken), cancellationToken);
            written += batch.Written;
            if (!batch.More) return written;
        }
    }

    private async Task<int> DeliverAssignmentsAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        while (true)
        {
            var batch = await writer.WriteAsync(db => DeliverAssignmentBatchAsync(db, cancellationToken), cancellationToken);
            written += batch.Written;
            if (!batch.More) return written;
        }
    }

    private async Task<((int Written, bool More), Outgoing?)> DeliverAssignmentBatchAsync(WorkflowDbContext db, CancellationToken cancellationToken)
    {
        var cursors = db.Set<NotificationCursorRecord>();
        var cursor = await cursors.AsNoTracking().SingleOrDefaultAsync(c => c.Name == NotificationCursorRecord.Assignments, cancellationToken);
        var last = cursor?.LastId ?? 0;
        var tasks = await db.UserTasks.AsNoTracking().Where(t => t.Id > last).OrderBy(t => t.Id).Take(BatchSize)
            // The step carries its case's district (UserTasks.DistrictId, written with the step).
            .Select(t => new OpenedStep(t.Id, t.Status, t.Name ?? t.ElementId, t.Agency, t.Role, t.DueAt, t.Instance!.BusinessKey, t.DistrictId))
            .ToListAsync(cancellationToken);
        if (tasks.Count == 0) return ((0, false), null);
        if (!await ClaimAsync(db, cursor, tasks[^1].Id, cancellationToken)) return ((0, false), null);
        var now = time.GetUtcNow();
        var (told, recipients) = (new Outgoing(db, now), new Recipients(db, now));
        foreach (var step in tasks.Where(t => t.Status == UserTaskStatus.Open))
        {
            if (step.DueAt is { } due) db.Set<StepDeadlineRecord>().Add(new StepDeadlineRecord { UserTaskId = step.Id, DueAt = due });
            if (step.DistrictId is not { } district) continue;
            var holders = await recipients.HoldersAsync(district, step.Agency, step.Role, cancellationToken);
            told.Tell(holders, NotificationKind.Assignment, step.Name, null, step.CaseNumber, Outgoing.InboxLink(step.Id),
                step.DueAt, $"assignment:{step.Id}");
        }
        return ((told.Written.Count, tasks.Count == BatchSize), told);
    }

    /// <summary>Moves the cursor past the batch, only if no other delivery moved it since it was read.</summary>
    private static async Task<bool> ClaimAsync(WorkflowDbContext db, NotificationCursorRecord? cursor, long lastId, CancellationToken cancellationToken)
    {
        var cursors = db.Set<NotificationCursorRecord>();
        if (cursor is null)
        {
            // First delivery ever: the insert itself is the claim (a racing first insert fails on the key).
            cursors.Add(new NotificationCursorRecord { Name = NotificationCursorRecord.Assignments, LastId = lastId });
            return true;
        }
        var old = cursor.LastId;
        return await cursors.Where(c => c.Name == NotificationCursorRecord.Assignments && c.LastId == old)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.LastId, lastId), cancellationToken) == 1;
    }

    private sealed record OpenedStep(long Id, UserTaskStatus Status, string Name, string? Agency, string? Role,
        DateTimeOffset? DueAt, string? CaseNumber, int? DistrictId);
}
