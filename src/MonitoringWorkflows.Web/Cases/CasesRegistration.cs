namespace MonitoringWorkflows.Web.Cases;

public static class CasesRegistration
{
    /// <summary>What the case page, the case list and the cases API read cases with.</summary>
    public static IServiceCollection AddCaseReading(this IServiceCollection services)
    {
        services.AddScoped<CaseReader>();
        services.AddScoped<CaseDiagrams>();
        services.AddScoped<CaseList>();
        services.AddScoped<ReferralRestart>();
        services.AddSingleton<ReferralStartLock>();
        services.AddScoped<AwaitingReferrals>();
        return services;
    }
}
