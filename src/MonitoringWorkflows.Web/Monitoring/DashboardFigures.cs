using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.ProtectionOrders;

namespace MonitoringWorkflows.Web.Monitoring;

public sealed record Figure(long Count, string Href);

public sealed record StageRow(string ElementId, string Name, IReadOnlyDictionary<string, Figure> ByRisk, Figure Total);

public sealed record AgencyFigure(string Agency, string Name, Figure Overdue);

public sealed record MonthFigure(string Month, Figure Opened, Figure Closed);

/// <summary>The chair's dashboard for one district. Stage <see cref="NoStage"/> is an open case without an open step.</summary>
public sealed record DashboardData(
    Figure OpenCases, IReadOnlyList<string> RiskLevels, IReadOnlyDictionary<string, Figure> OpenByRisk, IReadOnlyList<StageRow> Stages,
    IReadOnlyList<AgencyFigure> OverdueByAgency, Figure PendingReferrals, Figure DeclinedReferrals, Figure AwaitingReview,
    Figure? ExpiringOrders, IReadOnlyList<MonthFigure> Months, bool UpToDate)
{
    public const string NoStage = "none";
    public const string NotScreened = "notScreened";
}

/// <summary>
/// Computes the dashboard from the district's live work: its active instances (one range of a partial index on
/// active instances by business key, named in the SQL: without statistics SQLite prefers the status index and walks
/// every district's active instances), its open steps (a partial index on open steps by district) and, for the
/// months, the tallies. None of it reads the closed history, so it costs the same over a thousand or a million cases.
/// </summary>
public sealed class DashboardFigures(WorkflowDbContext db, TallyCatchUp catchUp, LiveInstances live, ExpiringOrders orders, TimeProvider time)
{
    public const int Months = 12;

    private sealed record ActiveRow(string Number, long? ParentInstanceId, string? Risk, long Declined, bool AwaitsReview);

    private sealed record OpenStep(string ElementId, string? Name, string? Agency, long? DueAt, string Number);

    public async Task<DashboardData> ForDistrictAsync(DistrictScope scope, Func<string, string?, string> stepName,
        Func<string, string> agencyName, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var upToDate = await catchUp.RunAsync(ProcessMonitor.CatchUpBatchesPerRead, cancellationToken);
        var active = await ActiveAsync(scope, cancellationToken);
        var steps = await OpenStepsAsync(scope, cancellationToken);
        var mains = active.Where(a => a.ParentInstanceId is null).GroupBy(a => a.Number)
            .ToDictionary(g => g.Key, g => g.First().Risk ?? DashboardData.NotScreened);
        var levels = RiskLevels.All.Append(DashboardData.NotScreened).ToList();
        var stages = Stages(mains, steps, levels, stepName);
        var overdue = steps.Where(s => s.Agency is not null && s.DueAt < now.UtcTicks).GroupBy(s => s.Agency!)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AgencyFigure(g.Key, agencyName(g.Key), new Figure(g.Count(), DashboardLinks.Overdue(g.Key)))).ToList();
        return new DashboardData(
            new Figure(mains.Count, DashboardLinks.Open()),
            levels,
            levels.ToDictionary(l => l, l => new Figure(mains.Values.Count(r => r == l), DashboardLinks.Open(risk: l))),
            stages,
            overdue,
            new Figure(steps.Count(s => s.ElementId == MonitoringSets.ReferralTask && mains.ContainsKey(s.Number)), DashboardLinks.Open(stage: MonitoringSets.ReferralTask)),
            new Figure(active.Where(a => a.ParentInstanceId is null).Sum(a => a.Declined), DashboardLinks.DeclinedReferrals()),
            new Figure(active.Where(a => a.AwaitsReview && mains.ContainsKey(a.Number)).Select(a => a.Number).Distinct().Count(), DashboardLinks.AwaitingReview()),
            new Figure(await orders.CountAsync(scope.DistrictId!.Value, now, ExpiringWithinDays, cancellationToken), DashboardLinks.ExpiringOrders()),
            await MonthsAsync(scope, now, cancellationToken),
            upToDate);
    }

    /// <summary>The protection orders tile: orders in force ending within this many days (the orders page's default list).</summary>
    public const int ExpiringWithinDays = 7;

    private static List<StageRow> Stages(Dictionary<string, string> mains, IReadOnlyList<OpenStep> steps, List<string> levels,
        Func<string, string?, string> stepName)
    {
        var stageOf = steps.Where(s => mains.ContainsKey(s.Number)).GroupBy(s => (s.ElementId, s.Name))
            .ToDictionary(g => g.Key, g => g.Select(s => s.Number).ToHashSet());
        var withStep = stageOf.Values.SelectMany(n => n).ToHashSet();
        stageOf[(DashboardData.NoStage, null)] = mains.Keys.Where(n => !withStep.Contains(n)).ToHashSet();
        return stageOf.Where(p => p.Value.Count > 0 || p.Key.ElementId != DashboardData.NoStage)
            .GroupBy(p => p.Key.ElementId)
            .Select(g =>
            {
                var numbers = g.SelectMany(p => p.Value).ToHashSet();
                var name = g.Key == DashboardData.NoStage ? DashboardData.NoStage : stepName(g.Key, g.First().Key.Name);
                return new StageRow(g.Key, name,
                    levels.ToDictionary(l => l, l => new Figure(numbers.Count(n => mains[n] == l), DashboardLinks.Open(g.Key, l))),
                    new Figure(numbers.Count, DashboardLinks.Open(g.Key)));
            })
            .OrderByDescending(s => s.Total.Count).ThenBy(s => s.ElementId, StringComparer.Ordinal).ToList();
    }

    private sealed record ActiveKey(long Id, int Version, string Number, long? ParentInstanceId);

    private async Task<List<ActiveRow>> ActiveAsync(DistrictScope scope, CancellationToken cancellationToken)
    {
        var keys = await db.Database.SqlQuery<ActiveKey>($"""
            SELECT i."Id" AS "Id", i."Version" AS "Version", i."BusinessKey" AS "Number", i."ParentInstanceId" AS "ParentInstanceId"
            FROM "ProcessInstances" i INDEXED BY "IX_ProcessInstances_Active_BusinessKey"
            WHERE i."Status" IN ('Running', 'Incident') AND i."BusinessKey" >= {scope.Low} AND i."BusinessKey" < {scope.High}
            """).ToListAsync(cancellationToken);
        var facts = await live.FactsAsync(db, keys.Select(k => new ActiveInstance(k.Id, k.Version)).ToList(), cancellationToken);
        return keys.Where(k => facts.ContainsKey(k.Id)).Select(k =>
        {
            var f = facts[k.Id];
            var main = k.ParentInstanceId is null;
            return new ActiveRow(k.Number, k.ParentInstanceId, main ? f.Risk : null, main ? f.Declined : 0, f.AwaitsReview);
        }).ToList();
    }

    private async Task<List<OpenStep>> OpenStepsAsync(DistrictScope scope, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<OpenStep>($"""
            SELECT t."ElementId" AS "ElementId", t."Name" AS "Name", t."Agency" AS "Agency", t."DueAt" AS "DueAt", i."BusinessKey" AS "Number"
            FROM "UserTasks" t JOIN "ProcessInstances" i ON i."Id" = t."InstanceId"
            WHERE t."Status" = 'Open' AND t."DistrictId" = {scope.DistrictId}
            """).ToListAsync(cancellationToken);

    private async Task<List<MonthFigure>> MonthsAsync(DistrictScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var local = AzerbaijanTime.Of(now);
        var months = Enumerable.Range(0, Months).Select(i => new DateTime(local.Year, local.Month, 1).AddMonths(i - Months + 1))
            .Select(m => m.Year * 100 + m.Month).ToList();
        var first = months[0];
        var rows = await db.Set<MonitorTally>().AsNoTracking()
            .Where(t => t.DistrictId == scope.DistrictId && (t.Kind == TallyKind.Opened || t.Kind == TallyKind.Closed) && t.Bucket >= first)
            .GroupBy(t => new { t.Kind, t.Bucket }).Select(g => new { g.Key.Kind, g.Key.Bucket, Count = g.Sum(t => t.Count) })
            .ToListAsync(cancellationToken);
        long CountOf(TallyKind kind, int month) => rows.Where(r => r.Kind == kind && r.Bucket == month).Sum(r => r.Count);
        return months.Select(m =>
        {
            var text = $"{m / 100:D4}-{m % 100:D2}";
            return new MonthFigure(text, new Figure(CountOf(TallyKind.Opened, m), DashboardLinks.Registered(text)),
                new Figure(CountOf(TallyKind.Closed, m), DashboardLinks.Closed(text)));
        }).ToList();
    }
}
