using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Inbox;
using MonitoringWorkflows.Web.Layout;
using MonitoringWorkflows.Web.Localization;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Monitoring;

/// <summary>
/// The dashboard and the process monitor over the API. The chair and the secretary see their own district; an
/// administrator sees the process monitor's counts over all districts, but no case list and no dashboard (which is
/// a district's work).
/// </summary>
public static class MonitoringApi
{
    public const string DistrictRoles = Roles.Chair + "," + Roles.Secretary;
    public const string MonitorRoles = Roles.Chair + "," + Roles.Secretary + "," + Roles.Administrator;

    public static RouteGroupBuilder MapMonitoringApi(this RouteGroupBuilder api)
    {
        api.MapGet("/monitoring/dashboard", DashboardAsync).RequireAuthorization(p => p.RequireRole(Roles.Chair, Roles.Secretary))
            .WithSummary("The caller's district: open cases by stage and risk, overdue steps per agency, referrals, reviews, months. Each figure has the link to its case list.");
        api.MapGet("/monitoring/processes", VersionsAsync).RequireAuthorization(p => p.RequireRole(Roles.Chair, Roles.Secretary, Roles.Administrator))
            .WithSummary("The process definition versions the monitor can show.");
        api.MapGet("/monitoring/processes/{key}/{version:int}", ProcessAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Chair, Roles.Secretary, Roles.Administrator))
            .WithSummary("For one version: instances now at each element, times each flow was taken, completions, average and 90th-percentile stay per step.");
        api.MapGet("/monitoring/processes/{key}/{version:int}/elements/{elementId}/cases", CasesAtAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Chair, Roles.Secretary))
            .WithSummary("The caller's district's cases whose instance of this version is at the element now (at most 500).");
        return api;
    }

    /// <summary>The caller's scope: their district, all districts for an administrator, or none.</summary>
    public static async Task<DistrictScope?> ScopeOfAsync(ClaimsPrincipal user, WorkflowDbContext db, CancellationToken cancellationToken)
    {
        if (user.DistrictIdOf() is { } district && (user.IsInRole(Roles.Chair) || user.IsInRole(Roles.Secretary)))
            return await DistrictScope.OfAsync(db, district, cancellationToken);
        return user.IsInRole(Roles.Administrator) ? DistrictScope.All : null;
    }

    private static async Task<Results<Ok<DashboardData>, ForbidHttpResult>> DashboardAsync(ClaimsPrincipal user, WorkflowDbContext db,
        DashboardFigures figures, IStringLocalizer<InboxText> steps, IStringLocalizer<SharedText> shared, CancellationToken cancellationToken)
    {
        if (await ScopeOfAsync(user, db, cancellationToken) is not { IsAll: false } scope) return TypedResults.Forbid();
        return TypedResults.Ok(await figures.ForDistrictAsync(scope, steps.StepName, a => shared.Agency(a, null), cancellationToken));
    }

    private static async Task<Ok<IReadOnlyList<MonitoredVersion>>> VersionsAsync(ProcessMonitor monitor, CancellationToken cancellationToken) =>
        TypedResults.Ok(await monitor.VersionsAsync(cancellationToken));

    private static async Task<Results<Ok<ProcessMonitorData>, NotFound, ForbidHttpResult>> ProcessAsync(string key, int version,
        ClaimsPrincipal user, WorkflowDbContext db, ProcessMonitor monitor, CancellationToken cancellationToken)
    {
        if (await ScopeOfAsync(user, db, cancellationToken) is not { } scope) return TypedResults.Forbid();
        return await monitor.ForVersionAsync(scope, key, version, cancellationToken) is { } data ? TypedResults.Ok(data) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseAtElement>>, NotFound, ForbidHttpResult>> CasesAtAsync(string key, int version,
        string elementId, ClaimsPrincipal user, WorkflowDbContext db, ProcessMonitor monitor, CancellationToken cancellationToken)
    {
        if (await ScopeOfAsync(user, db, cancellationToken) is not { IsAll: false } scope) return TypedResults.Forbid();
        return await monitor.CasesAtAsync(scope, key, version, elementId, cancellationToken) is { } cases
            ? TypedResults.Ok(cases) : TypedResults.NotFound();
    }
}
