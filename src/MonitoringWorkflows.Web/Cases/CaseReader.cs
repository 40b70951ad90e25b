using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Inbox;
using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Access;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Cases;

/// <summary>
/// Reads a case the user may see (found through <see cref="CaseAccess"/>) into what the case page and the API show:
/// summary, steps and timeline. Without the whole sight, an agency member gets the steps of their own agency and the
/// timeline of those steps plus the milestones (each instance's start and end); a registrar gets neither.
/// </summary>
/// <remarks>Step names come in the user's language for the shipped processes (<see cref="StepNames"/>), the BPMN name otherwise.</remarks>
public sealed class CaseReader(WorkflowDbContext db, DefinitionCache definitions, TimeProvider time, IStringLocalizer<InboxText> steps)
{
    private static readonly JournalKind[] Milestones =
    [
        JournalKind.InstanceStarted, JournalKind.InstanceCompleted, JournalKind.InstanceTerminated, JournalKind.InstanceCancelled,
        JournalKind.InstanceMigrated,
    ];

    // Flows and variable changes are the diagram's business (and may carry data); a timeline shows what happened. Written
    // as constants in the query, not as a list parameter: the profile showed EF generating SQL under the list's query.
    private static readonly Expression<Func<JournalEntryRecord, bool>> InTimeline = j =>
        j.Kind == JournalKind.InstanceStarted || j.Kind == JournalKind.InstanceCompleted || j.Kind == JournalKind.InstanceTerminated
        || j.Kind == JournalKind.InstanceCancelled || j.Kind == JournalKind.ElementEntered || j.Kind == JournalKind.ElementCompleted
        || j.Kind == JournalKind.ElementCancelled || j.Kind == JournalKind.TimerFired || j.Kind == JournalKind.MessageReceived
        || j.Kind == JournalKind.ErrorThrown || j.Kind == JournalKind.GroupDecisionRecorded || j.Kind == JournalKind.InstanceMigrated
        || j.Kind == JournalKind.IncidentRetried;

    /// <summary>The case page's facts: summary, steps and timeline read together, each instance and step read once.</summary>
    public async Task<CasePage> PageAsync(ClaimsPrincipal user, VisibleCase seen, CancellationToken cancellationToken)
    {
        var facts = await FactsAsync(seen, cancellationToken);
        return new CasePage(Summary(seen, facts), await StepsOfAsync(user, seen, facts, cancellationToken),
            await TimelineOfAsync(user, seen, facts, cancellationToken));
    }

    public async Task<CaseSummary> SummaryAsync(VisibleCase seen, CancellationToken cancellationToken) =>
        Summary(seen, await FactsAsync(seen, cancellationToken));

    public async Task<IReadOnlyList<CaseStep>> StepsAsync(ClaimsPrincipal user, VisibleCase seen, CancellationToken cancellationToken) =>
        seen.Sight == CaseSight.Recorded ? [] : await StepsOfAsync(user, seen, await FactsAsync(seen, cancellationToken), cancellationToken);

    /// <summary>The timeline, newest first.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(ClaimsPrincipal user, VisibleCase seen, CancellationToken cancellationToken) =>
        seen.Sight == CaseSight.Recorded ? [] : await TimelineOfAsync(user, seen, await FactsAsync(seen, cancellationToken), cancellationToken);

    /// <summary>The case's instances (the main one's state only) and all their steps: two queries, whatever is shown of them.</summary>
    private async Task<CaseFactsRead> FactsAsync(VisibleCase seen, CancellationToken cancellationToken)
    {
        var (number, main) = (seen.Case.Number, seen.Case.ProcessInstanceId);
        var instances = await db.ProcessInstances.AsNoTracking().Where(i => i.BusinessKey == number)
            .Select(i => new InstanceRead(i.Id, i.DefinitionVersionId, i.Status, i.Id == main ? i.StateJson : null))
            .ToListAsync(cancellationToken);
        var tasks = await db.UserTasks.AsNoTracking().Where(t => t.Instance!.BusinessKey == number).OrderBy(t => t.Id)
            .ToListAsync(cancellationToken);
        return new CaseFactsRead(instances, tasks, time.GetUtcNow());
    }

    private CaseSummary Summary(VisibleCase seen, CaseFactsRead facts)
    {
        var record = seen.Case;
        var main = facts.Instances.FirstOrDefault(i => i.Id == record.ProcessInstanceId);
        var open = facts.Tasks.Where(t => t.Status == UserTaskStatus.Open).ToList();
        return new CaseSummary(record.Number, record.CreatedAt, record.CreatedBy, StatusOf(record.Status, main?.Status),
            open.Select(t => steps.StepName(t.ElementId, t.Name)).Distinct().ToList(), RiskLevels.In(main?.StateJson),
            open.Count(t => t.DueAt < facts.Now), seen.Sight, record.ProcessInstanceId);
    }

    private async Task<IReadOnlyList<CaseStep>> StepsOfAsync(ClaimsPrincipal user, VisibleCase seen, CaseFactsRead facts, CancellationToken cancellationToken)
    {
        if (seen.Sight == CaseSight.Recorded) return [];
        var rows = seen.Sight == CaseSight.Agency ? OwnSteps(user, facts) : facts.Tasks;
        // A claim names the user by id; people read names.
        var claimers = rows.Select(t => t.ClaimedBy).OfType<string>().Distinct().ToList();
        var names = claimers.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => claimers.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.UserName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName != "" ? u.DisplayName : u.UserName ?? u.Id, cancellationToken);
        return rows.Select(t => new CaseStep(t.Id, t.InstanceId, t.ElementId, steps.StepName(t.ElementId, t.Name), t.Agency, t.Role, t.CreatedAt, t.DueAt,
                t.Status.ToString(), t.ClaimedBy is { } claimer ? names.GetValueOrDefault(claimer, claimer) : null, t.CompletedBy, t.CompletedAt,
                t.Status == UserTaskStatus.Open && t.DueAt < facts.Now))
            .ToList();
    }

    private async Task<IReadOnlyList<TimelineEntry>> TimelineOfAsync(
        ClaimsPrincipal user, VisibleCase seen, CaseFactsRead facts, CancellationToken cancellationToken)
    {
        if (seen.Sight == CaseSight.Recorded) return [];
        var number = seen.Case.Number;
        var entries = await db.JournalEntries.AsNoTracking()
            .Where(j => db.ProcessInstances.Where(i => i.BusinessKey == number).Select(i => i.Id).Contains(j.InstanceId))
            .Where(InTimeline)
            .OrderByDescending(j => j.Id)
            // Without DataJson (the step's submitted data or variables): the timeline never shows it, and it is the bulk.
            .Select(j => new JournalEntryRecord
            {
                Id = j.Id, InstanceId = j.InstanceId, At = j.At, Kind = j.Kind, ElementId = j.ElementId, Actor = j.Actor, Detail = j.Detail,
            })
            .ToListAsync(cancellationToken);
        if (seen.Sight == CaseSight.Agency)
        {
            // The agency's own steps and each instance's milestones.
            var own = OwnSteps(user, facts).Select(t => (t.InstanceId, t.ElementId)).ToHashSet();
            entries = entries.Where(j => Milestones.Contains(j.Kind) || (j.ElementId is { } element && own.Contains((j.InstanceId, element))))
                .ToList();
        }
        var processes = new Dictionary<long, Engine.Model.ProcessDefinition>();
        foreach (var instance in facts.Instances)
            processes[instance.Id] = await definitions.GetAsync(db, instance.DefinitionVersionId, cancellationToken);
        return entries.Where(j => processes.ContainsKey(j.InstanceId)).Select(j =>
        {
            var process = processes[j.InstanceId];
            var name = j.ElementId is { } element && process.TryGetNode(element, out var node) ? steps.StepName(element, node.Name) : j.ElementId;
            return new TimelineEntry(j.Id, j.At, j.InstanceId, process.Name ?? process.Id, j.Kind.ToString(), j.ElementId, name,
                j.Actor, j.Detail);
        }).ToList();
    }

    private static List<UserTaskRecord> OwnSteps(ClaimsPrincipal user, CaseFactsRead facts)
    {
        var agency = user.AgencyCodeOf();
        return facts.Tasks.Where(t => t.Agency == agency).ToList();
    }

    private sealed record InstanceRead(long Id, long DefinitionVersionId, ProcessInstanceStatus Status, string? StateJson);

    private sealed record CaseFactsRead(List<InstanceRead> Instances, List<UserTaskRecord> Tasks, DateTimeOffset Now);

    public static string StatusOf(CaseStatus caseStatus, ProcessInstanceStatus? main) =>
        caseStatus == CaseStatus.ProcessNotStarted || main is null ? CaseStates.NotStarted
        : main is ProcessInstanceStatus.Running or ProcessInstanceStatus.Incident ? CaseStates.Open
        : CaseStates.Closed;

}
