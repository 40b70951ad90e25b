using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;

namespace MonitoringWorkflows.Web.Scheduling;

/// <summary>
/// The one Quartz job of the engine's timers. Quartz stores this class's name with the job: renaming or moving it
/// leaves the stored job unloadable, so both stay as they are. It hands the timer to the <see cref="DueTimerQueue"/>,
/// which fires many in one commit, and returns at once; with <c>Scheduling:FireInBatches=false</c> it fires it alone.
/// </summary>
public sealed class FireTimerJob(TimerFiring firing, DueTimerQueue queue, IOptions<SchedulingOptions> options, ILogger<FireTimerJob> logger) : IJob
{
    public const string TimerIdKey = "timerId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var timerId = long.Parse(context.MergedJobDataMap.GetString(TimerIdKey)!, CultureInfo.InvariantCulture);
        if (!options.Value.FireInBatches)
        {
            await firing.FireAsync(timerId, cancellationToken);
            return;
        }
        // Closed only once Quartz has stopped; the row stays pending and is scheduled again at the next start.
        if (!queue.Enqueue(timerId)) logger.LogWarning("Timer {TimerId} came due while the clock stopped; it fires at the next start", timerId);
    }
}
