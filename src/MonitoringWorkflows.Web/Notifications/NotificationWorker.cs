using Microsoft.Extensions.Options;

namespace MonitoringWorkflows.Web.Notifications;

/// <summary>
/// Delivers new notifications and runs the sweeps (deadlines, protection orders) every <see cref="NotificationOptions.Interval"/>. A failed pass is
/// logged and the next tick tries again; nothing is lost, since undelivered work stays marked as such in the database.
/// </summary>
public sealed class NotificationWorker(
    NotificationDelivery delivery, IEnumerable<INotificationSweep> sweeps, TimeProvider time, IOptions<NotificationOptions> options,
    ILogger<NotificationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One delivery and each sweep; never throws except when stopping.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var delivered = await delivery.DeliverAsync(cancellationToken);
            var swept = 0;
            foreach (var sweep in sweeps) swept += await sweep.SweepAsync(cancellationToken);
            if (delivered + swept > 0)
                logger.LogInformation("Notifications: {Delivered} delivered, {Swept} from the sweeps (deadlines, orders).", delivered, swept);
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(failure, "Notification pass failed; trying again at the next tick.");
        }
    }
}
