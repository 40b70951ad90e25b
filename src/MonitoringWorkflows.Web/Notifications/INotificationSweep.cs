namespace MonitoringWorkflows.Web.Notifications;

/// <summary>
/// A pass that looks for what has come due and tells people (deadlines, orders near their end). The notification
/// worker runs every registered sweep after each delivery, on <see cref="NotificationOptions.Interval"/>.
/// </summary>
public interface INotificationSweep
{
    /// <summary>Tells whoever is due to be told; returns how many notifications were written.</summary>
    Task<int> SweepAsync(CancellationToken cancellationToken);
}
