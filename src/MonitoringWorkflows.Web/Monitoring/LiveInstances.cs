using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Monitoring;

/// <summary>
/// What the monitoring reads take from an active instance's state: where its tokens are, its risk level, its declined
/// referrals, and whether it waits for the group's decision (<see cref="AwaitingReview"/>).
/// </summary>
public sealed record LiveFacts(int Version, string[] Elements, string? Risk, long Declined, bool AwaitsReview);

/// <summary>An active instance as an index read gives it, before its state is looked at.</summary>
public sealed record ActiveInstance(long Id, int Version);

/// <summary>
/// The <see cref="LiveFacts"/> of active instances, remembered per instance with the instance's version (which every
/// step and every incident increments, together with the state): a read fetches ids and versions from an index range
/// and parses the state only of the instances that moved since the last read. Parsing every active instance's state on
/// each read cost half a second over all districts' 70,000 running referrals; a remembered instance costs a lookup.
/// </summary>
public sealed class LiveInstances
{
    /// <summary>More remembered than this (ended instances are never read again) and the memory starts over.</summary>
    public const int MaxRemembered = 1_000_000;

    private const int IdsPerQuery = 2_000;

    private static readonly string FactsSql = $"""
        SELECT i."Id" AS "Id", i."Version" AS "Version", json_extract(t.value, '$.ElementId') AS "ElementId",
            json_extract(i."StateJson", '$.Variables.riskLevel') AS "Risk", {MonitoringSets.DeclinedReferrals} AS "Declined",
            {AwaitingReview.Condition} AS "AwaitsReview"
        FROM "ProcessInstances" i LEFT JOIN json_each(i."StateJson", '$.Tokens') t
        WHERE i."Id" IN (SELECT value FROM json_each(@ids))
        """;

    private readonly ConcurrentDictionary<long, LiveFacts> known = new();

    private sealed record FactRow(long Id, int Version, string? ElementId, string? Risk, long Declined, bool AwaitsReview);

    public async Task<Dictionary<long, LiveFacts>> FactsAsync(WorkflowDbContext db, IReadOnlyCollection<ActiveInstance> active,
        CancellationToken cancellationToken)
    {
        if (known.Count > MaxRemembered) known.Clear();
        var moved = active.Where(a => !known.TryGetValue(a.Id, out var f) || f.Version != a.Version).Select(a => a.Id).ToList();
        foreach (var chunk in moved.Chunk(IdsPerQuery)) await ReadAsync(db, chunk, cancellationToken);
        var facts = new Dictionary<long, LiveFacts>(active.Count);
        foreach (var a in active)
            if (known.TryGetValue(a.Id, out var f)) facts[a.Id] = f;
        return facts;
    }

    /// <summary>The number of the version's active instances in the scope at each element.</summary>
    public async Task<IReadOnlyList<ElementCount>> CountAsync(WorkflowDbContext db, DistrictScope scope, long versionId,
        CancellationToken cancellationToken)
    {
        var active = await db.Database.SqlQuery<ActiveInstance>($"""
            SELECT i."Id" AS "Id", i."Version" AS "Version"
            FROM "ProcessInstances" i INDEXED BY "IX_ProcessInstances_Active_Definition_BusinessKey"
            WHERE i."Status" IN ('Running', 'Incident') AND i."DefinitionVersionId" = {versionId}
              AND i."BusinessKey" >= {scope.Low} AND i."BusinessKey" < {scope.High}
            """).ToListAsync(cancellationToken);
        var facts = await FactsAsync(db, active, cancellationToken);
        return facts.Values.SelectMany(f => f.Elements).GroupBy(e => e).Select(g => new ElementCount(g.Key, g.Count())).ToList();
    }

    private async Task ReadAsync(WorkflowDbContext db, long[] ids, CancellationToken cancellationToken)
    {
        // The ids go in as one JSON array parameter, read back as rows by json_each.
        var rows = await db.Database.SqlQueryRaw<FactRow>(FactsSql, new SqliteParameter("@ids", "[" + string.Join(",", ids) + "]"))
            .ToListAsync(cancellationToken);
        foreach (var instance in rows.GroupBy(r => r.Id))
        {
            var first = instance.First();
            known[instance.Key] = new LiveFacts(first.Version,
                instance.Where(r => r.ElementId is not null).Select(r => r.ElementId!).Distinct().ToArray(), first.Risk, first.Declined,
                first.AwaitsReview);
        }
    }
}
