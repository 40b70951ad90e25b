using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Monitoring;

/// <summary>Keeps the tallies a few seconds behind the journal, so a monitor read has at most a small batch to fold in.</summary>
public sealed class TallyWorker(
    TallyCatchUp catchUp, LiveInstances live, IDbContextFactory<WorkflowDbContext> contexts, TimeProvider time, ILogger<TallyWorker> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // SQLite answers synchronously: without this the warm-up would hold up the host's start
        await WarmAsync(stoppingToken);
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

    /// <summary>The live instances read once at start: the first monitor read then costs what a later one does.</summary>
    private async Task WarmAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(stoppingToken);
            await live.WarmAsync(db, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Only the first read is slower then: it reads the instances itself.
            logger.LogWarning(exception, "Reading the live instances at start failed");
        }
    }
}
