namespace MonitoringWorkflows.Web.Runtime;

/// <summary>A timer row a committed step left pending: the clock must fire it at <see cref="DueAt"/>.</summary>
public sealed record PendingTimer(long Id, DateTimeOffset DueAt);

/// <summary>
/// The clock the runner tells about the timers a step changed, once the step has committed: new pending timers to
/// schedule, cancelled ones to unschedule. The rows are the truth; the clock only mirrors them, and what it misses
/// (a crash between commit and this call) is put right when it starts.
/// </summary>
public interface ITimerScheduler
{
    Task TimersChangedAsync(IReadOnlyList<PendingTimer> scheduled, IReadOnlyList<long> cancelled, CancellationToken cancellationToken);
}

/// <summary>No clock: timers stay pending rows until something fires them (the runner's own tests, tools).</summary>
internal sealed class NoTimerScheduler : ITimerScheduler
{
    public Task TimersChangedAsync(IReadOnlyList<PendingTimer> scheduled, IReadOnlyList<long> cancelled, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
