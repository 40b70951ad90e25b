using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Meetings;

/// <summary>A case the agenda proposal found, with every reason it qualified.</summary>
public sealed record ProposedItem(string CaseNumber, IReadOnlyList<string> Reasons);

/// <summary>
/// What the next meeting of a district should discuss: open grave and high-risk cases the group has not reviewed yet,
/// cases whose group review waits for the meeting's decision, repeat cases (<see cref="RepeatCases"/>), and cases with
/// actions outstanding from an earlier meeting. Cases already on another open meeting's agenda are left to that meeting.
/// </summary>
public sealed class AgendaProposal(WorkflowDbContext db, WaitingReviews waiting, RepeatCases repeats, TimeProvider time)
{
    public async Task<IReadOnlyList<ProposedItem>> ForAsync(int districtId, long meetingId, CancellationToken cancellationToken)
    {
        var reasons = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        void Add(string number, string reason)
        {
            if (!reasons.TryGetValue(number, out var set)) reasons[number] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(reason);
        }

        var reviewed = await ReviewedCasesAsync(districtId, cancellationToken);
        foreach (var (number, level) in await RiskyOpenCasesAsync(districtId, cancellationToken))
            if (!reviewed.Contains(number)) Add(number, level);
        foreach (var number in (await waiting.InDistrictAsync(districtId, cancellationToken)).Keys) Add(number, AgendaReasons.AwaitingDecision);
        foreach (var number in await repeats.InDistrictAsync(districtId, time.GetUtcNow(), cancellationToken)) Add(number, AgendaReasons.Repeat);
        foreach (var number in await OutstandingActionsAsync(districtId, cancellationToken)) Add(number, AgendaReasons.OutstandingActions);

        var elsewhere = await db.AgendaItems.AsNoTracking()
            .Where(i => i.MeetingId != meetingId && i.Meeting!.DistrictId == districtId && i.Meeting.Status == MeetingStatus.Scheduled)
            .Select(i => i.CaseNumber).ToListAsync(cancellationToken);
        return reasons.Where(r => !elsewhere.Contains(r.Key))
            .OrderBy(r => Rank(r.Value)).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new ProposedItem(r.Key, r.Value.OrderBy(v => Rank([v])).ToList())).ToList();
    }

    /// <summary>Graver reasons first: the order the agenda is proposed in.</summary>
    private static int Rank(IEnumerable<string> set) => set.Min(r => AgendaReasons.All.ToList().IndexOf(r));

    /// <summary>Cases the group decided on (anything but postponed) at a closed meeting.</summary>
    private async Task<HashSet<string>> ReviewedCasesAsync(int districtId, CancellationToken cancellationToken) =>
        (await db.AgendaItems.AsNoTracking()
            .Where(i => i.Meeting!.DistrictId == districtId && i.Meeting.Status == MeetingStatus.Closed
                && i.Outcome != null && i.Outcome != DecisionOutcomes.Postponed)
            .Select(i => i.CaseNumber).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Open cases whose referral process scored them grave or high, read in SQL from the stored variables.</summary>
    private async Task<List<(string Number, string Level)>> RiskyOpenCasesAsync(int districtId, CancellationToken cancellationToken)
    {
        var risky = db.ProcessInstances.FromSql($"""
            SELECT * FROM "ProcessInstances"
            WHERE "Status" IN ('Running', 'Incident')
              AND json_extract("StateJson", '$.Variables.riskLevel') IN ('grave', 'high')
            """);
        var rows = await db.Cases.AsNoTracking().Where(c => c.DistrictId == districtId)
            .Join(risky, c => c.ProcessInstanceId, i => i.Id, (c, i) => new { c.Number, i.StateJson })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Number, RiskLevels.In(r.StateJson) == "grave" ? AgendaReasons.Grave : AgendaReasons.High)).ToList();
    }

    /// <summary>
    /// Cases with an action of a closed meeting still outstanding: no step of that case carried out for the action's
    /// agency after the meeting closed, and the case not discussed again at a meeting closed since. (Steps are matched
    /// to actions by case and agency: two actions for one agency on one case count as done when one step is.)
    /// </summary>
    private async Task<List<string>> OutstandingActionsAsync(int districtId, CancellationToken cancellationToken)
    {
        var actions = await db.MeetingActions.AsNoTracking()
            .Where(a => a.Item!.Meeting!.DistrictId == districtId && a.Item.Meeting.Status == MeetingStatus.Closed)
            .Select(a => new { a.Item!.CaseNumber, a.Agency, ClosedAt = a.Item.Meeting!.ClosedAt!.Value })
            .ToListAsync(cancellationToken);
        if (actions.Count == 0) return [];
        var numbers = actions.Select(a => a.CaseNumber).Distinct().ToList();
        var done = await db.UserTasks.AsNoTracking()
            .Where(t => t.ElementId == MeetingLimits.ActionStep && t.Status == UserTaskStatus.Completed && numbers.Contains(t.Instance!.BusinessKey!))
            .Select(t => new { t.Instance!.BusinessKey, t.Agency, t.CompletedAt }).ToListAsync(cancellationToken);
        var discussed = await db.AgendaItems.AsNoTracking()
            .Where(i => numbers.Contains(i.CaseNumber) && i.Meeting!.Status == MeetingStatus.Closed)
            .Select(i => new { i.CaseNumber, ClosedAt = i.Meeting!.ClosedAt!.Value }).ToListAsync(cancellationToken);
        return actions
            .Where(a => !done.Any(t => t.BusinessKey == a.CaseNumber && t.Agency == a.Agency && t.CompletedAt >= a.ClosedAt))
            .Where(a => !discussed.Any(d => d.CaseNumber == a.CaseNumber && d.ClosedAt > a.ClosedAt))
            .Select(a => a.CaseNumber).Distinct().ToList();
    }
}
