using System.Globalization;
using Microsoft.Extensions.Options;
using MonitoringWorkflows.Web.Runtime;
using Quartz;

namespace MonitoringWorkflows.Web.Scheduling;

/// <summary>
/// The engine's timers as Quartz triggers: one trigger per pending timer row, named after the row, all on the one
/// durable <see cref="FireTimerJob"/>. A late trigger (the host was down at its time) fires as soon as it can.
/// </summary>
internal sealed class QuartzClock(ISchedulerFactory schedulers, IOptions<SchedulingOptions> options) : ITimerScheduler
{
    public const string Group = "timers";
    public static readonly JobKey FireJob = new("fire-timer", Group);

    /// <summary>Quartz writes each batch in one transaction; a restore with thousands of timers is split up.</summary>
    private const int TriggersPerBatch = 500;

    public static TriggerKey KeyOf(long timerId) => new($"timer-{timerId.ToString(CultureInfo.InvariantCulture)}", Group);

    public static long? TimerIdOf(TriggerKey key) =>
        key.Group == Group && key.Name.StartsWith("timer-", StringComparison.Ordinal)
        && long.TryParse(key.Name.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private volatile bool jobStored;

    public async Task TimersChangedAsync(IReadOnlyList<PendingTimer> scheduled, IReadOnlyList<long> cancelled, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (scheduled.Count > 2)
        {
            // A batch of firings: its new timers in one Quartz transaction (per 500) rather than one each.
            await ScheduleAsync(scheduler, scheduled, cancellationToken);
        }
        else if (scheduled.Count > 0)
        {
            await StoreJobAsync(scheduler, cancellationToken);
            // A step schedules one or two timers: trigger by trigger, without storing the job again each time.
            foreach (var timer in scheduled) await scheduler.ScheduleJob(Trigger(timer), ScheduleJobOptions.Replacing, cancellationToken);
        }
        if (cancelled.Count > 0) await scheduler.UnscheduleJobs(cancelled.Select(KeyOf).ToList(), cancellationToken);
    }

    /// <summary>Stores the durable job once per process (the reconciliation at start stores it too).</summary>
    private async Task StoreJobAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        if (jobStored) return;
        await scheduler.AddJob(Job(), AddJobOptions.Replacing, cancellationToken);
        jobStored = true;
    }

    /// <summary>Moves (or puts back) one timer's trigger to <paramref name="dueAt"/>.</summary>
    public Task MoveAsync(long timerId, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        TimersChangedAsync([new PendingTimer(timerId, dueAt)], [], cancellationToken);

    /// <summary>Creates or replaces many triggers (a restore, a benchmark), with the job stored again in each batch.</summary>
    public static async Task ScheduleAsync(IScheduler scheduler, IEnumerable<PendingTimer> timers, CancellationToken cancellationToken)
    {
        foreach (var batch in timers.Chunk(TriggersPerBatch))
        {
            var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [Job()] = batch.Select(Trigger).ToList() };
            await scheduler.ScheduleJobs(jobs, ScheduleJobOptions.Replacing, cancellationToken);
        }
    }

    public static IJobDetail Job() => JobBuilder.Create<FireTimerJob>()
        .WithIdentity(FireJob)
        .WithDescription("Fires an engine timer through the workflow runner.")
        .StoreDurably()
        .Build();

    private static ITrigger Trigger(PendingTimer timer) => TriggerBuilder.Create()
        .WithIdentity(KeyOf(timer.Id))
        .ForJob(FireJob)
        .UsingJobData(FireTimerJob.TimerIdKey, timer.Id.ToString(CultureInfo.InvariantCulture))
        .StartAt(timer.DueAt)
        .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
        .Build();
}
