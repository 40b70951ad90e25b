using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Inbox;
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

    // Flows and variable changes are the diagram's business (and may carry data); a timeline shows what happened.
    private static readonly JournalKind[] TimelineKinds =
    [
        .. Milestones, JournalKind.ElementEntered, JournalKind.ElementCompleted, JournalKind.ElementCancelled,
        JournalKind.TimerFired, JournalKind.MessageReceived, JournalKind.ErrorThrown,
    ];

    public async Task<CaseSummary> SummaryAsync(VisibleCase seen, CancellationToken cancellationToken)
    {
        var record = seen.Case;
        var main = record.ProcessInstanceId is { } id
            ? await db.ProcessInstances.AsNoTracking().Where(i => i.Id == id)
                .Select(i => new { i.Status, i.StateJson }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var now = time.GetUtcNow();
        var open = await db.UserTasks.AsNoTracking()
            .Where(t => t.Status == UserTaskStatus.Open && t.Instance!.BusinessKey == record.Number)
            .Select(t => new { t.Name, t.ElementId, t.DueAt })
            .ToListAsync(cancellationToken);
        var status = StatusOf(record.Status, main?.Status);
        var risk = RiskLevels.In(main?.StateJson);
        return new CaseSummary(record.Number, record.CreatedAt, record.CreatedBy, status,
            open.Select(t => steps.StepName(t.ElementId, t.Name)).Distinct().ToList(), risk, open.Count(t => t.DueAt < now),
            seen.Sight, record.ProcessInstanceId);
    }

    public async Task<IReadOnlyList<CaseStep>> StepsAsync(ClaimsPrincipal user, VisibleCase seen, CancellationToken cancellationToken)
    {
        if (seen.Sight == CaseSight.Recorded) return [];
        var query = db.UserTasks.AsNoTracking().Where(t => t.Instance!.BusinessKey == seen.Case.Number);
        if (seen.Sight == CaseSight.Agency)
        {
            var agency = user.AgencyCodeOf();
            query = query.Where(t => t.Agency == agency);
        }
        var rows = await query.OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        // A claim names the user by id; people read names.
        var claimers = rows.Select(t => t.ClaimedBy).OfType<string>().Distinct().ToList();
        var names = claimers.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => claimers.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.UserName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName != "" ? u.DisplayName : u.UserName ?? u.Id, cancellationToken);
        return rows.Select(t => new CaseStep(t.Id, t.InstanceId, t.ElementId, steps.StepName(t.ElementId, t.Name), t.Agency, t.Role, t.CreatedAt, t.DueAt,
                t.Status.ToString(), t.ClaimedBy is { } claimer ? names.GetValueOrDefault(claimer, claimer) : null, t.CompletedBy, t.CompletedAt,
                t.Status == UserTaskStatus.Open && t.DueAt < now))
            .ToList();
    }

    /// <summary>The timeline, newest first.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(ClaimsPrincipal user, VisibleCase seen, CancellationToken cancellationToken)
    {
        if (seen.Sight == CaseSight.Recorded) return [];
        var instances = await db.ProcessInstances.AsNoTracking().Where(i => i.BusinessKey == seen.Case.Number)
            .Select(i => new { i.Id, i.DefinitionVersionId }).ToListAsync(cancellationToken);
        var ids = instances.Select(i => i.Id).ToList();
        var entries = await db.JournalEntries.AsNoTracking()
            .Where(j => ids.Contains(j.InstanceId) && TimelineKinds.Contains(j.Kind))
            .OrderByDescending(j => j.Id)
            // Without DataJson (the step's submitted data or variables): the timeline never shows it, and it is the bulk.
            .Select(j => new JournalEntryRecord
            {
                Id = j.Id, InstanceId = j.InstanceId, At = j.At, Kind = j.Kind, ElementId = j.ElementId, Actor = j.Actor, Detail = j.Detail,
            })
            .ToListAsync(cancellationToken);
        if (seen.Sight == CaseSight.Agency) entries = await OwnAndMilestonesAsync(user, ids, entries, cancellationToken);
        var processes = new Dictionary<long, Engine.Model.ProcessDefinition>();
        foreach (var instance in instances)
            processes[instance.Id] = await definitions.GetAsync(db, instance.DefinitionVersionId, cancellationToken);
        return entries.Select(j =>
        {
            var process = processes[j.InstanceId];
            var name = j.ElementId is { } element && process.TryGetNode(element, out var node) ? steps.StepName(element, node.Name) : j.ElementId;
            return new TimelineEntry(j.Id, j.At, j.InstanceId, process.Name ?? process.Id, j.Kind.ToString(), j.ElementId, name,
                j.Actor, j.Detail);
        }).ToList();
    }

    private async Task<List<JournalEntryRecord>> OwnAndMilestonesAsync(
        ClaimsPrincipal user, List<long> instanceIds, List<JournalEntryRecord> entries, CancellationToken cancellationToken)
    {
        var agency = user.AgencyCodeOf();
        var own = (await db.UserTasks.AsNoTracking()
                .Where(t => instanceIds.Contains(t.InstanceId) && t.Agency == agency)
                .Select(t => new { t.InstanceId, t.ElementId }).Distinct().ToListAsync(cancellationToken))
            .Select(t => (t.InstanceId, t.ElementId)).ToHashSet();
        return entries.Where(j => Milestones.Contains(j.Kind) || (j.ElementId is { } element && own.Contains((j.InstanceId, element))))
            .ToList();
    }

    public static string StatusOf(CaseStatus caseStatus, ProcessInstanceStatus? main) =>
        caseStatus == CaseStatus.ProcessNotStarted || main is null ? CaseStates.NotStarted
        : main is ProcessInstanceStatus.Running or ProcessInstanceStatus.Incident ? CaseStates.Open
        : CaseStates.Closed;

}
