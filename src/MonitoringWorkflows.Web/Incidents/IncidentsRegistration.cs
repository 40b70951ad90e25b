namespace MonitoringWorkflows.Web.Incidents;

public static class IncidentsRegistration
{
    public static IServiceCollection AddIncidents(this IServiceCollection services)
    {
        services.AddScoped<IncidentList>();
        services.AddScoped<IncidentActions>();
        return services;
    }
}
