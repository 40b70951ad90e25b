namespace MonitoringWorkflows.Web.ProtectionOrders;

public static class ProtectionOrdersRegistration
{
    /// <summary>Protection orders: their limits at form submit, their rows (and those missing, caught up), the district's list and the expiry notices.</summary>
    public static IServiceCollection AddProtectionOrders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProtectionOrderOptions>().Bind(configuration.GetSection(ProtectionOrderOptions.Section));
        services.AddSingleton<ProtectionOrderRules>();
        services.AddSingleton<ProtectionOrderBook>();
        services.AddScoped<ExpiringOrders>();
        services.AddSingleton<OrderCatchUp>();
        services.AddSingleton<OrderExpirySweep>();
        // Run by the notification worker after each delivery, on its interval (and at start-up), in this order: the
        // orders missing a row first, so the expiry sweep sees them.
        services.AddSingleton<Notifications.INotificationSweep>(provider => provider.GetRequiredService<OrderCatchUp>());
        services.AddSingleton<Notifications.INotificationSweep>(provider => provider.GetRequiredService<OrderExpirySweep>());
        return services;
    }
}
