using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Monitoring;

public sealed record MonitoredVersion(string Key, int Version, string? Name, bool Published);

public sealed record ElementCount(string ElementId, long Count);

public sealed record StepTime(string ElementId, long Count, double AverageSeconds, double P90Seconds);

/// <summary>What the process monitor draws on one definition version's diagram.</summary>
public sealed record ProcessMonitorData(
    string Key, int Version, string? Name, string BpmnXml, IReadOnlyList<ElementCount> Current, IReadOnlyList<ElementCount> Flows,
    IReadOnlyList<ElementCount> Completed, IReadOnlyList<StepTime> Steps, bool UpToDate);

public sealed record CaseAtElement(string CaseNumber, long InstanceId, string Status);

/// <summary>
/// The process monitor's figures. Where instances are now is read from the live instances' states (a token per element
/// they wait at), through a partial index on active instances by definition version and business key — the running
/// instances are the district's current work, a small part of the history — and remembered per instance version
/// (<see cref="LiveInstances"/>). What passed along each flow, and how long
/// each step took, come from <see cref="MonitorTally"/> rows, after catching the tallies up with the journal.
/// </summary>
public sealed class ProcessMonitor(WorkflowDbContext db, TallyCatchUp catchUp, LiveInstances live)
{
    public const int MaxCasesListed = 500;

    /// <summary>How many batches a read catches up before answering; the worker does the rest.</summary>
    public const int CatchUpBatchesPerRead = 5;

    public async Task<IReadOnlyList<MonitoredVersion>> VersionsAsync(CancellationToken cancellationToken) =>
        await db.ProcessDefinitions.AsNoTracking().OrderBy(d => d.Key).ThenByDescending(d => d.Version)
            .Select(d => new MonitoredVersion(d.Key, d.Version, d.Name, d.Status == DefinitionStatus.Published))
            .ToListAsync(cancellationToken);

    public async Task<ProcessMonitorData?> ForVersionAsync(DistrictScope scope, string key, int version, CancellationToken cancellationToken)
    {
        var definition = await db.ProcessDefinitions.AsNoTracking().Where(d => d.Key == key && d.Version == version)
            .Select(d => new { d.Id, d.Name, d.BpmnXml }).FirstOrDefaultAsync(cancellationToken);
        if (definition is null) return null;
        var upToDate = await catchUp.RunAsync(CatchUpBatchesPerRead, cancellationToken);
        var tallies = await TalliesAsync(scope, definition.Id, cancellationToken);
        var current = await CurrentAsync(scope, definition.Id, cancellationToken);
        return new ProcessMonitorData(key, version, definition.Name, definition.BpmnXml, current,
            Counts(tallies, TallyKind.Flow), Counts(tallies, TallyKind.Completed), Steps(tallies), upToDate);
    }

    /// <summary>The cases of the scope whose instance of this version is at the element now, at most <see cref="MaxCasesListed"/>.</summary>
    public async Task<IReadOnlyList<CaseAtElement>?> CasesAtAsync(DistrictScope scope, string key, int version, string elementId,
        CancellationToken cancellationToken)
    {
        var versionId = await db.ProcessDefinitions.AsNoTracking().Where(d => d.Key == key && d.Version == version)
            .Select(d => (long?)d.Id).FirstOrDefaultAsync(cancellationToken);
        if (versionId is null) return null;
        return await db.Database.SqlQuery<CaseAtElement>($"""
            SELECT i."BusinessKey" AS "CaseNumber", i."Id" AS "InstanceId", i."Status" AS "Status"
            FROM "ProcessInstances" i INDEXED BY "IX_ProcessInstances_Active_Definition_BusinessKey"
            WHERE i."Status" IN ('Running', 'Incident') AND i."DefinitionVersionId" = {versionId}
              AND i."BusinessKey" >= {scope.Low} AND i."BusinessKey" < {scope.High}
              AND EXISTS (SELECT 1 FROM json_each(i."StateJson", '$.Tokens') t WHERE json_extract(t.value, '$.ElementId') = {elementId})
            ORDER BY i."BusinessKey"
            LIMIT {MaxCasesListed}
            """).ToListAsync(cancellationToken);
    }

    private async Task<List<MonitorTally>> TalliesAsync(DistrictScope scope, long versionId, CancellationToken cancellationToken)
    {
        var rows = db.Set<MonitorTally>().AsNoTracking().Where(t => t.DefinitionVersionId == versionId
            && (t.Kind == TallyKind.Flow || t.Kind == TallyKind.Completed || t.Kind == TallyKind.Stay));
        rows = scope.DistrictId is { } district ? rows.Where(t => t.DistrictId == district) : rows;
        return await rows.ToListAsync(cancellationToken);
    }

    private Task<IReadOnlyList<ElementCount>> CurrentAsync(DistrictScope scope, long versionId, CancellationToken cancellationToken) =>
        live.CountAsync(db, scope, versionId, cancellationToken);

    private static List<ElementCount> Counts(IEnumerable<MonitorTally> tallies, TallyKind kind) =>
        tallies.Where(t => t.Kind == kind).GroupBy(t => t.ElementId)
            .Select(g => new ElementCount(g.Key, g.Sum(t => t.Count))).OrderBy(c => c.ElementId, StringComparer.Ordinal).ToList();

    private static List<StepTime> Steps(IEnumerable<MonitorTally> tallies) =>
        tallies.Where(t => t.Kind == TallyKind.Stay).GroupBy(t => t.ElementId).Select(g =>
        {
            var count = g.Sum(t => t.Count);
            var average = g.Sum(t => (double)t.TicksSum) / count / TimeSpan.TicksPerSecond;
            return new StepTime(g.Key, count, average, Percentile(g.GroupBy(t => t.Bucket).Select(b => (b.Key, b.Sum(t => t.Count))), count, 0.9));
        }).OrderBy(s => s.ElementId, StringComparer.Ordinal).ToList();

    /// <summary>The upper bound of the bucket holding the percentile: never less than the exact figure, at most 19 % more.</summary>
    internal static double Percentile(IEnumerable<(int Bucket, long Count)> buckets, long total, double fraction)
    {
        var rank = (long)Math.Ceiling(total * fraction);
        long seen = 0;
        foreach (var (bucket, count) in buckets.OrderBy(b => b.Bucket))
        {
            seen += count;
            if (seen >= rank) return StayBuckets.UpperSeconds(bucket);
        }
        return 0;
    }
}
