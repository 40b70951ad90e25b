namespace MonitoringWorkflows.Web.Notifications;

public static class NotificationsRegistration
{
    /// <summary>In-app notifications (and e-mail when an SMTP host is set), delivered and swept in the background.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton<NotificationMail>();
        services.AddSingleton<NotificationWriter>();
        services.AddSingleton<NotificationDelivery>();
        services.AddSingleton<DeadlineSweep>();
        services.AddSingleton<INotificationSweep>(provider => provider.GetRequiredService<DeadlineSweep>());
        services.AddScoped<NotificationList>();
        services.AddSingleton<UnreadCounts>();
        services.AddHostedService<NotificationWorker>();
        return services;
    }
}
