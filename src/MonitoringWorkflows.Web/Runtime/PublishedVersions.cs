using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Runtime;

/// <summary>
/// The latest published version of each process key, remembered so that starting a case (or a child of a call
/// activity) does not query the definitions every time. Only found versions are remembered: a key without a published
/// version is asked again next time, so a first publication needs no invalidation. Publishing a newer version of a key
/// already started must call <see cref="Invalidate"/> once its transaction has committed (the designer's
/// DraftStore.PublishAsync does; the importer only adds keys the database does not know).
/// </summary>
public sealed class PublishedVersions
{
    private readonly ConcurrentDictionary<string, long> latest = new(StringComparer.Ordinal);
    private readonly Lock sync = new();
    private long generation;

    /// <summary>The id of the latest published version of <paramref name="processKey"/>, or null when it has none.</summary>
    internal async ValueTask<long?> LatestAsync(WorkflowDbContext db, string processKey, CancellationToken cancellationToken)
    {
        if (latest.TryGetValue(processKey, out var cached)) return cached;
        var readAt = Volatile.Read(ref generation);
        var found = await db.ProcessDefinitions.AsNoTracking()
            .Where(d => d.Key == processKey && d.Status == DefinitionStatus.Published)
            .OrderByDescending(d => d.Version)
            .Select(d => (long?)d.Id)
            .FirstOrDefaultAsync(cancellationToken);
        // A publication that happened while the query ran may have made this answer stale: then it is not kept.
        if (found is { } id)
            lock (sync)
                if (generation == readAt) latest[processKey] = id;
        return found;
    }

    /// <summary>Forgets the version remembered for <paramref name="processKey"/>: call it after publishing a version of it.</summary>
    public void Invalidate(string processKey)
    {
        lock (sync)
        {
            generation++;
            latest.TryRemove(processKey, out _);
        }
    }

    /// <summary>Forgets every remembered version (after a bulk import or a restore).</summary>
    public void InvalidateAll()
    {
        lock (sync)
        {
            generation++;
            latest.Clear();
        }
    }
}
