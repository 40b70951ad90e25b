using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Definitions;

public static class DefinitionsRegistration
{
    public static IServiceCollection AddWorkflowDefinitions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkflowImportOptions>().Bind(configuration.GetSection(WorkflowImportOptions.Section));
        services.AddSingleton<WorkflowImporter>();
        return services;
    }

    /// <summary>Imports the shipped definitions the database does not have yet (run after migrating).</summary>
    public static Task<ImportSummary> ImportWorkflowsAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<WorkflowImporter>().ImportAsync(cancellationToken);

    /// <summary>GET /api/definitions: every version of every process (read-only for now); <paramref name="endpoints"/> is the /api group.</summary>
    public static IEndpointRouteBuilder MapDefinitionsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/definitions", async (WorkflowDbContext db, CancellationToken cancellationToken) =>
            await db.ProcessDefinitions.AsNoTracking()
                .OrderBy(d => d.Key).ThenBy(d => d.Version)
                .Select(d => new DefinitionSummary(d.Key, d.Version, d.Status.ToString(), d.Name))
                .ToListAsync(cancellationToken));
        return endpoints;
    }
}

public sealed record DefinitionSummary(string Key, int Version, string Status, string? Name);
