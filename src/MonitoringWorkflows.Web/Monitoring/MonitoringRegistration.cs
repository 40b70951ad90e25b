namespace MonitoringWorkflows.Web.Monitoring;

public static class MonitoringRegistration
{
    /// <summary>The chair's dashboard, the process monitor and the tallies they read (kept up by a background worker).</summary>
    public static IServiceCollection AddMonitoring(this IServiceCollection services)
    {
        services.AddSingleton<TallyCatchUp>();
        services.AddSingleton<LiveInstances>();
        services.AddScoped<ProcessMonitor>();
        services.AddScoped<DashboardFigures>();
        services.AddHostedService<TallyWorker>();
        return services;
    }
}
