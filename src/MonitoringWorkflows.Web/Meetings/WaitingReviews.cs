using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Monitoring;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Meetings;

/// <summary>
/// The group reviews that wait for a meeting's decision: active instances with a subscription to the message
/// <c>groupReviewDecision</c>. The text search in SQL only narrows the rows; the subscription is read from the state.
/// </summary>
public sealed class WaitingReviews(WorkflowDbContext db)
{
    /// <summary>For each case of the district that waits, the instance that waits (the oldest, as the runner would pick).</summary>
    /// <remarks>The district's instances are one range of business keys (<see cref="DistrictScope"/>), as the dashboard reads them.</remarks>
    public async Task<IReadOnlyDictionary<string, long>> InDistrictAsync(int districtId, CancellationToken cancellationToken)
    {
        if (await DistrictScope.OfAsync(db, districtId, cancellationToken) is not { } scope) return new Dictionary<string, long>();
        var (low, high) = (scope.Low, scope.High);
        return await WaitingAsync(i => string.Compare(i.BusinessKey, low) >= 0 && string.Compare(i.BusinessKey, high) < 0, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, long>> ForCasesAsync(IReadOnlyCollection<string> caseNumbers, CancellationToken cancellationToken) =>
        caseNumbers.Count == 0 ? new Dictionary<string, long>() : await WaitingAsync(i => caseNumbers.Contains(i.BusinessKey!), cancellationToken);

    private async Task<IReadOnlyDictionary<string, long>> WaitingAsync(Expression<Func<ProcessInstanceRecord, bool>> ofCases,
        CancellationToken cancellationToken)
    {
        var candidates = await db.ProcessInstances.FromSql($"""
                SELECT * FROM "ProcessInstances"
                WHERE "Status" IN ('Running', 'Incident') AND instr("StateJson", {MeetingLimits.DecisionMessage}) > 0
                """)
            .AsNoTracking()
            .Where(ofCases)
            .OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.BusinessKey, i.StateJson })
            .ToListAsync(cancellationToken);
        var waiting = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var instance in candidates)
        {
            var subscribed = RuntimeJson.DeserializeState(instance.StateJson).Subscriptions
                .Any(s => s.Kind == SubscriptionKind.Message && s.MessageName == MeetingLimits.DecisionMessage);
            if (subscribed) waiting.TryAdd(instance.BusinessKey!, instance.Id);
        }
        return waiting;
    }
}
