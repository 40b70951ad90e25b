namespace MonitoringWorkflows.Web.Access;

public static class AccessRegistration
{
    public static IServiceCollection AddCaseAccess(this IServiceCollection services)
    {
        services.AddScoped<CaseAccess>();
        services.AddSingleton<CaseViewJournal>();
        services.AddScoped<CaseViewAudit>();
        return services;
    }
}
