using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Scheduling;

/// <summary>What a timer is for, read from its element: a wait, a step's deadline, or a repeated or one-off reminder on a step.</summary>
public enum TimerPurpose { Wait, Deadline, Reminder, Other }

/// <summary>A pending timer as the operations panel shows it.</summary>
public sealed record TimerLine(long Id, long InstanceId, string ElementId, string ElementName, TimerPurpose Purpose, bool Repeats,
    DateTimeOffset DueAt, bool Overdue);

/// <summary>The operations panel's model: the pending timers, and whether the reader may move them (and where from).</summary>
public sealed record TimerPanel(IReadOnlyList<TimerLine> Timers, bool MayReschedule, long? InstanceId);

/// <summary>
/// The pending timers of a case's instances (the referral and the processes it called) or of one instance, soonest
/// first, with the element each waits on. A pending timer whose time has passed is overdue: the clock has not fired it.
/// </summary>
public sealed class InstanceTimers(WorkflowDbContext db, DefinitionCache definitions, TimeProvider time)
{
    /// <summary>A timer this long past its time without firing counts as overdue (a batch takes a moment).</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    public Task<List<TimerLine>> OfCaseAsync(string caseNumber, CancellationToken cancellationToken) =>
        LinesAsync(OfCase(caseNumber), cancellationToken);

    /// <summary>Every timer of the case's instances, found from the instances (the case page's query; its plan is tested).</summary>
    internal IQueryable<TimerRecord> OfCase(string caseNumber) =>
        db.Timers.Where(t => db.ProcessInstances.Where(i => i.BusinessKey == caseNumber).Select(i => i.Id).Contains(t.InstanceId));

    public Task<List<TimerLine>> OfInstanceAsync(long instanceId, CancellationToken cancellationToken) =>
        LinesAsync(db.Timers.Where(t => t.InstanceId == instanceId), cancellationToken);

    /// <summary>
    /// The pending ones among <paramref name="timers"/> (an instance's or a case's, all states). Pending is picked here, not
    /// in SQL: given "Status = 'Pending'", SQLite walks the pending timers of every case through their index (20,000 on
    /// the bench data, for each case page) instead of the few timers of the instances asked for.
    /// </summary>
    private async Task<List<TimerLine>> LinesAsync(IQueryable<TimerRecord> timers, CancellationToken cancellationToken)
    {
        var rows = (await timers.AsNoTracking()
            .Select(t => new { Timer = t, t.Instance!.DefinitionVersionId }).ToListAsync(cancellationToken))
            .Where(row => row.Timer.Status == TimerStatus.Pending).OrderBy(row => row.Timer.DueAt).ThenBy(row => row.Timer.Id).ToList();
        var now = time.GetUtcNow();
        var lines = new List<TimerLine>(rows.Count);
        foreach (var row in rows)
        {
            var definition = await definitions.GetAsync(db, row.DefinitionVersionId, cancellationToken);
            var node = definition.TryGetNode(row.Timer.ElementId, out var found) ? found : null;
            var (purpose, repeats) = Describe(node);
            lines.Add(new TimerLine(row.Timer.Id, row.Timer.InstanceId, row.Timer.ElementId, node?.Name ?? row.Timer.ElementId, purpose, repeats,
                row.Timer.DueAt, row.Timer.DueAt + Grace < now));
        }
        return lines;
    }

    private static (TimerPurpose, bool) Describe(FlowNode? node) => node switch
    {
        IntermediateCatchEvent { Definition: TimerDefinition timer } => (TimerPurpose.Wait, timer.Kind == TimerKind.Cycle),
        BoundaryEvent { Definition: TimerDefinition timer, CancelActivity: true } => (TimerPurpose.Deadline, timer.Kind == TimerKind.Cycle),
        BoundaryEvent { Definition: TimerDefinition timer } => (TimerPurpose.Reminder, timer.Kind == TimerKind.Cycle),
        _ => (TimerPurpose.Other, false),
    };
}
