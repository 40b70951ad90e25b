using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Notifications;

/// <summary>
/// One write transaction of the delivery or the sweep, taken in turn with the runner's (<see cref="WriteGate"/>);
/// what it told is e-mailed only after the commit, so a slow or failing mail server never holds or undoes it.
/// </summary>
public sealed class NotificationWriter(IDbContextFactory<WorkflowDbContext> contexts, WriteGate gate, NotificationMail mail, UnreadCounts counts)
{
    /// <summary>
    /// Runs <paramref name="write"/> in a transaction: committed with its changes when it returns what it told,
    /// rolled back when it returns none (nothing to do, or another delivery claimed the work first).
    /// </summary>
    internal async Task<T> WriteAsync<T>(Func<WorkflowDbContext, Task<(T Result, Outgoing? Told)>> write, CancellationToken cancellationToken)
    {
        var (result, told) = await gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var outcome = await write(db);
            if (outcome.Told is null)
            {
                await transaction.RollbackAsync(cancellationToken);
                return outcome;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return outcome;
        }, cancellationToken);
        if (told is null) return result;
        foreach (var written in told.Written) counts.Forget(written.Notification.RecipientId);
        await mail.SendAsync(told.Written, cancellationToken);
        return result;
    }
}
