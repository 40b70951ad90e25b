using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Designer.Versions;

/// <summary>A published version of a process with how many instances still run on it.</summary>
public sealed record VersionView(int Version, string? Name, string? PublishedBy, DateTimeOffset? PublishedAt, int RunningInstances);

/// <summary>The published versions of a process: their history, their files, and the diff between two of them.</summary>
public sealed class ProcessVersions(IDbContextFactory<WorkflowDbContext> contexts, DefinitionCache definitions)
{
    /// <summary>Every published version of <paramref name="key"/>, newest first; empty when the key has none.</summary>
    public async Task<IReadOnlyList<VersionView>> ListAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var versions = await Published(db, key)
            .Select(d => new { d.Id, d.Version, d.Name, d.PublishedBy, d.PublishedAt })
            .ToListAsync(cancellationToken);
        var ids = versions.Select(v => v.Id).ToList();
        var running = await db.ProcessInstances.AsNoTracking()
            .Where(i => ids.Contains(i.DefinitionVersionId)
                && (i.Status == ProcessInstanceStatus.Running || i.Status == ProcessInstanceStatus.Incident))
            .GroupBy(i => i.DefinitionVersionId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return versions.OrderByDescending(v => v.Version)
            .Select(v => new VersionView(v.Version, v.Name, v.PublishedBy, v.PublishedAt, running.GetValueOrDefault(v.Id)))
            .ToList();
    }

    /// <summary>The stored row of a published version (with its XML), or null.</summary>
    public async Task<ProcessDefinitionRecord?> FindAsync(string key, int version, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Published(db, key).FirstOrDefaultAsync(d => d.Version == version, cancellationToken);
    }

    /// <summary>The newest published version's row (with its XML), or null.</summary>
    public async Task<ProcessDefinitionRecord?> LatestAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Published(db, key).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The engine's model of a stored version read by <see cref="FindAsync"/> or <see cref="LatestAsync"/> (parsed once, then cached like the runner's).</summary>
    public ProcessDefinition Model(ProcessDefinitionRecord row) => definitions.Get(row.Id, row.Key, row.BpmnXml);

    /// <summary>The diff from version <paramref name="from"/> to <paramref name="to"/>, or null when either is not published.</summary>
    public async Task<VersionDiff?> DiffAsync(string key, int from, int to, CancellationToken cancellationToken)
    {
        var (before, after) = (await FindAsync(key, from, cancellationToken), await FindAsync(key, to, cancellationToken));
        if (before is null || after is null) return null;
        return VersionDiff.Between(key, from, Model(before), to, Model(after));
    }

    private static IQueryable<ProcessDefinitionRecord> Published(WorkflowDbContext db, string key) =>
        db.ProcessDefinitions.AsNoTracking().Where(d => d.Key == key && d.Status == DefinitionStatus.Published);
}
