using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using Quartz;

namespace MonitoringWorkflows.Web.Scheduling;

/// <summary>
/// Makes Quartz's triggers match the timer rows before the clock starts: a pending row without a trigger (a crash
/// between a step's commit and its scheduling, a restored database) is scheduled, and a trigger whose row is no longer
/// pending is removed. The rows are the truth.
/// </summary>
internal sealed class TimerReconciliation(IDbContextFactory<WorkflowDbContext> contexts, ILogger<TimerReconciliation> logger)
{
    public async Task RunAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        await scheduler.AddJob(QuartzClock.Job(), AddJobOptions.Replacing, cancellationToken);
        // Triggers before rows: a timer a step commits in between then looks missing and is scheduled again (harmless),
        // where the other order would make its fresh trigger look stale and remove it.
        var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(QuartzClock.Group), cancellationToken);
        var triggered = keys.Select(QuartzClock.TimerIdOf).OfType<long>().ToHashSet();
        var pending = await PendingAsync(cancellationToken);
        var missing = pending.Where(t => !triggered.Contains(t.Id)).ToList();
        triggered.ExceptWith(pending.Select(t => t.Id));
        await QuartzClock.ScheduleAsync(scheduler, missing, cancellationToken);
        if (triggered.Count > 0) await scheduler.UnscheduleJobs(triggered.Select(QuartzClock.KeyOf).ToList(), cancellationToken);
        logger.LogInformation("Timers reconciled: {Pending} pending, {Missing} scheduled anew, {Stale} stale triggers removed",
            pending.Count, missing.Count, triggered.Count);
    }

    private async Task<List<PendingTimer>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Timers.AsNoTracking().Where(t => t.Status == TimerStatus.Pending)
            .Select(t => new PendingTimer(t.Id, t.DueAt)).ToListAsync(cancellationToken);
    }
}
