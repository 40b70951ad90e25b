using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Monitoring;

/// <summary>
/// Where active instances hold tokens, remembered per instance with the instance's version (which every step and
/// every incident increments, with the state): a monitor read fetches the ids and versions of the version's active
/// instances and parses the state only of those that moved since the last read. Parsing every active instance's state
/// on each read cost half a second over all districts' 70,000 running referrals; a remembered position costs a lookup.
/// </summary>
public sealed class TokenPositions
{
    /// <summary>More remembered than this (ended instances are never read again) and the memory starts over.</summary>
    public const int MaxRemembered = 1_000_000;

    private const int IdsPerQuery = 2_000;

    private readonly ConcurrentDictionary<long, Position> known = new();

    private sealed record Position(int Version, string[] Elements);

    private sealed record ActiveVersion(long Id, int Version);

    private sealed record TokenAt(long Id, int Version, string? ElementId);

    public async Task<IReadOnlyList<ElementCount>> CountAsync(WorkflowDbContext db, DistrictScope scope, long versionId,
        CancellationToken cancellationToken)
    {
        if (known.Count > MaxRemembered) known.Clear();
        var active = await db.Database.SqlQuery<ActiveVersion>($"""
            SELECT i."Id" AS "Id", i."Version" AS "Version"
            FROM "ProcessInstances" i INDEXED BY "IX_ProcessInstances_Active_Definition_BusinessKey"
            WHERE i."Status" IN ('Running', 'Incident') AND i."DefinitionVersionId" = {versionId}
              AND i."BusinessKey" >= {scope.Low} AND i."BusinessKey" < {scope.High}
            """).ToListAsync(cancellationToken);
        var moved = active.Where(a => !known.TryGetValue(a.Id, out var p) || p.Version != a.Version).Select(a => a.Id).ToList();
        foreach (var chunk in moved.Chunk(IdsPerQuery)) await ReadAsync(db, chunk, cancellationToken);
        return active.SelectMany(a => known.TryGetValue(a.Id, out var p) ? p.Elements : [])
            .GroupBy(e => e).Select(g => new ElementCount(g.Key, g.Count())).ToList();
    }

    private async Task ReadAsync(WorkflowDbContext db, long[] ids, CancellationToken cancellationToken)
    {
        // The ids go in as one JSON array parameter, read back as rows by json_each.
        var list = "[" + string.Join(",", ids) + "]";
        var tokens = await db.Database.SqlQuery<TokenAt>($"""
            SELECT i."Id" AS "Id", i."Version" AS "Version", json_extract(t.value, '$.ElementId') AS "ElementId"
            FROM "ProcessInstances" i LEFT JOIN json_each(i."StateJson", '$.Tokens') t
            WHERE i."Id" IN (SELECT value FROM json_each({list}))
            """).ToListAsync(cancellationToken);
        foreach (var instance in tokens.GroupBy(t => t.Id))
            known[instance.Key] = new Position(instance.First().Version,
                instance.Where(t => t.ElementId is not null).Select(t => t.ElementId!).Distinct().ToArray());
    }
}
