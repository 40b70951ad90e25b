using System.Globalization;
using Quartz;

namespace MonitoringWorkflows.Web.Scheduling;

/// <summary>
/// The one Quartz job of the engine's timers. Quartz stores this class's name with the job: renaming or moving it
/// leaves the stored job unloadable, so both stay as they are.
/// </summary>
public sealed class FireTimerJob(TimerFiring firing) : IJob
{
    public const string TimerIdKey = "timerId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var timerId = long.Parse(context.MergedJobDataMap.GetString(TimerIdKey)!, CultureInfo.InvariantCulture);
        await firing.FireAsync(timerId, cancellationToken);
    }
}
