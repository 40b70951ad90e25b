namespace MonitoringWorkflows.Web.Monitoring;

/// <summary>Keeps the tallies a few seconds behind the journal, so a monitor read has at most a small batch to fold in.</summary>
public sealed class TallyWorker(TallyCatchUp catchUp, TimeProvider time, ILogger<TallyWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await catchUp.RunAsync(int.MaxValue, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next tick tries again from the stored mark; nothing half-done was committed.
                logger.LogError(exception, "Folding the journal into the monitor's tallies failed");
            }
        }
    }
}
