using Microsoft.Extensions.Options;
using Quartz;

namespace MonitoringWorkflows.Web.Scheduling;

/// <summary>
/// Starts the clock with the host (after reconciling its triggers with the timer rows) and stops it with the host,
/// letting timers that are firing finish. Disabled by <c>Scheduling:Enabled=false</c>, read at start so that a test
/// host's settings apply. Quartz's own hosted service cannot reconcile before it starts, nor be switched off late.
/// </summary>
internal sealed class SchedulingService(
    ISchedulerFactory schedulers,
    TimerReconciliation reconciliation,
    IOptions<SchedulingOptions> options,
    SchedulingDatabase database,
    DueTimerQueue queue,
    ILogger<SchedulingService> logger) : IHostedService
{
    private IScheduler? scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Scheduling is disabled: timers are not fired");
            return;
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        await database.PrepareAsync(cancellationToken);
        scheduler = await schedulers.GetScheduler(cancellationToken);
        await reconciliation.RunAsync(scheduler, cancellationToken);
        queue.Start();
        await scheduler.Start(cancellationToken);
        logger.LogInformation("The clock started in {Milliseconds} ms ({File})", started.ElapsedMilliseconds, database.FilePath);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (scheduler is null) return;
        await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        // After Quartz: nothing is handed over any more, and what was is fired before the host goes.
        await queue.StopAsync(cancellationToken);
        database.Release();
    }
}
