using MonitoringWorkflows.Web.Designer.Migration;
using MonitoringWorkflows.Web.Designer.TestRuns;
using MonitoringWorkflows.Web.Identity;

namespace MonitoringWorkflows.Web.Designer.Versions;

/// <summary>The designer's tools around published versions: history and diff, migration of running instances, test runs.</summary>
public static class VersionToolsRegistration
{
    public static IServiceCollection AddVersionTools(this IServiceCollection services)
    {
        services.AddSingleton<ProcessVersions>();
        services.AddSingleton<InstanceMigration>();
        services.AddSingleton<TestRunStore>();
        services.AddSingleton<TestRunner>();
        services.AddSingleton<TestForms>();
        services.AddSingleton<TestRunControl>();
        return services;
    }

    /// <summary>Everything under <c>/api/designer</c> that this folder answers, for administrators only.</summary>
    public static RouteGroupBuilder MapVersionToolsApi(this RouteGroupBuilder api)
    {
        var designer = api.MapGroup("/designer").RequireAuthorization(IdentityRegistration.AdministratorPolicy).WithTags("Designer");
        designer.MapVersionsApi();
        designer.MapMigrationApi();
        designer.MapTestRunsApi();
        return api;
    }
}
