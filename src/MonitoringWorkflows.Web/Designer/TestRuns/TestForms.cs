using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Designer.TestRuns;

/// <summary>The newest published schema of each form the run's open tasks name, so the page can show the task's real form.</summary>
public sealed class TestForms(IDbContextFactory<WorkflowDbContext> contexts)
{
    public async Task<IReadOnlyDictionary<string, JsonNode>> ForAsync(IEnumerable<SandboxTask> tasks, CancellationToken cancellationToken)
    {
        var keys = tasks.Select(t => t.FormKey).OfType<string>().Distinct().ToList();
        if (keys.Count == 0) return new Dictionary<string, JsonNode>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.FormDefinitions.AsNoTracking()
            .Where(f => keys.Contains(f.Key) && f.Status == DefinitionStatus.Published)
            .Select(f => new { f.Key, f.Version, f.SchemaJson })
            .ToListAsync(cancellationToken);
        var forms = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var newest in rows.GroupBy(r => r.Key).Select(g => g.MaxBy(r => r.Version)!))
            if (JsonNode.Parse(newest.SchemaJson) is { } schema) forms[newest.Key] = schema;
        return forms;
    }
}
