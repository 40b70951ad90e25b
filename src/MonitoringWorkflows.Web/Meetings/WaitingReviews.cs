using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Monitoring;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Meetings;

/// <summary>
/// The group reviews that wait for a meeting's decision, as <see cref="AwaitingReview"/> defines them (the dashboard's
/// tile and the case list's filter use the same definition): the agenda proposal's "awaiting decision" and the
/// instances the closing of the minutes sends the decision to.
/// </summary>
public sealed class WaitingReviews(WorkflowDbContext db)
{
    /// <summary>For each case of the district that waits, the instance that waits (the oldest, as the runner would pick).</summary>
    /// <remarks>The district's instances are one range of business keys (<see cref="DistrictScope"/>), as the dashboard reads them.</remarks>
    public async Task<IReadOnlyDictionary<string, long>> InDistrictAsync(int districtId, CancellationToken cancellationToken)
    {
        if (await DistrictScope.OfAsync(db, districtId, cancellationToken) is not { } scope) return new Dictionary<string, long>();
        var rows = await db.Database.SqlQuery<WaitingInstance>(AwaitingReview.InScope(scope)).ToListAsync(cancellationToken);
        return Oldest(rows.OrderBy(r => r.Id));
    }

    public async Task<IReadOnlyDictionary<string, long>> ForCasesAsync(IReadOnlyCollection<string> caseNumbers, CancellationToken cancellationToken)
    {
        if (caseNumbers.Count == 0) return new Dictionary<string, long>();
        var rows = await db.ProcessInstances.FromSqlRaw(AwaitingReview.Instances).AsNoTracking()
            .Where(i => caseNumbers.Contains(i.BusinessKey!))
            .OrderBy(i => i.Id)
            .Select(i => new WaitingInstance(i.Id, i.BusinessKey!))
            .ToListAsync(cancellationToken);
        return Oldest(rows);
    }

    private static Dictionary<string, long> Oldest(IEnumerable<WaitingInstance> byId)
    {
        var waiting = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var instance in byId) waiting.TryAdd(instance.Number, instance.Id);
        return waiting;
    }
}
