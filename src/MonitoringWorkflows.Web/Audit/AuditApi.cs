using Microsoft.AspNetCore.Http.HttpResults;
using MonitoringWorkflows.Web.Identity;

namespace MonitoringWorkflows.Web.Audit;

/// <summary>The trail of case views over the API, for administrators only.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit/case-views", SearchAsync)
            .RequireAuthorization(IdentityRegistration.AdministratorPolicy)
            .WithSummary("Who viewed which case, when and through what (administrators): newest first, 50 a page; from/to are days (yyyy-MM-dd, Baku time).");
        return api;
    }

    private static async Task<Ok<AuditPage>> SearchAsync(
        AuditSearch search, CancellationToken cancellationToken, string? @case = null, string? user = null,
        DateOnly? from = null, DateOnly? to = null, int page = 1) =>
        TypedResults.Ok(await search.FindAsync(new AuditFilter(@case, user, from, to, page), cancellationToken));

    public static IServiceCollection AddAuditSearch(this IServiceCollection services) => services.AddScoped<AuditSearch>();
}
