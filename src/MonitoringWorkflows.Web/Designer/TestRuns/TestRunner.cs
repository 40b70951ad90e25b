using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Execution;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Designer.TestRuns;

public enum TestRunOutcome { Ok, NotFound, Rejected, Incident }

public sealed record TestRunResult(TestRunOutcome Outcome, string? Message = null)
{
    public static readonly TestRunResult Ok = new(TestRunOutcome.Ok);
}

/// <summary>
/// Applies a trigger to a test run the way the runner applies one to a case, with the same executor (same expression
/// sandbox, same built-in actions, same working calendar), but keeping every effect in the run instead of in rows:
/// tasks and timers in lists, notifications recorded and never sent. Called processes start on their latest published
/// version, read from the database (read only). A unit of work that fails is put back as it was, like a rolled back
/// transaction, and its incident kept in the run.
/// </summary>
public sealed class TestRunner(ProcessExecutor executor, IDbContextFactory<WorkflowDbContext> contexts,
    PublishedVersions publishedVersions, DefinitionCache definitions)
{
    internal async Task<TestRunResult> ApplyAsync(TestRun run, SandboxInstance target, Trigger trigger, CancellationToken cancellationToken)
    {
        var restore = run.Snapshot();
        var pending = new Queue<(SandboxInstance Instance, Trigger Trigger)>();
        pending.Enqueue((target, trigger));
        while (pending.TryDequeue(out var work))
        {
            var result = executor.Step(work.Instance.Definition, work.Instance.State, work.Trigger, run.Now);
            var failure = result.Incident is { } incident
                ? new SandboxIncident(work.Instance.No, incident.Code, incident.ElementId, incident.Message)
                : result.Rejection is { } rejection && !ReferenceEquals(work.Instance, target)
                    ? new SandboxIncident(work.Instance.No, rejection.Code, null, rejection.Message)
                    : null;
            if (result.Rejection is { } refused && failure is null)
            {
                restore();
                return new TestRunResult(TestRunOutcome.Rejected, $"{refused.Code} {refused.Message}");
            }
            failure ??= await ApplyEffectsAsync(run, work.Instance, result, work.Trigger, pending, cancellationToken);
            if (failure is not null)
            {
                restore();
                run.Incidents.Add(failure);
                return new TestRunResult(TestRunOutcome.Incident, $"{failure.Code} {failure.Message}");
            }
        }
        return TestRunResult.Ok;
    }

    private async Task<SandboxIncident?> ApplyEffectsAsync(TestRun run, SandboxInstance instance, StepResult result, Trigger trigger,
        Queue<(SandboxInstance, Trigger)> pending, CancellationToken cancellationToken)
    {
        instance.State = result.State;
        var ended = false;
        foreach (var effect in result.Effects)
        {
            switch (effect)
            {
                case UserTaskCreated t:
                    run.Tasks.Add(new SandboxTask(run.NextTaskId++, instance.No, t.TaskId, t.ElementId, t.Name, t.Agency, t.Role, t.FormKey, t.DueAt, t.Input));
                    break;
                case UserTaskCancelled t: RemoveTask(run, instance, t.TaskId); break;
                case UserTaskCompleted t: RemoveTask(run, instance, t.TaskId); break;
                case TimerScheduled t:
                    run.Timers.RemoveAll(x => x.InstanceNo == instance.No && x.TimerId == t.TimerId);
                    run.Timers.Add(new SandboxTimer(run.NextTimerId++, instance.No, t.TimerId, t.ElementId, t.DueAt));
                    break;
                case TimerCancelled t: run.Timers.RemoveAll(x => x.InstanceNo == instance.No && x.TimerId == t.TimerId); break;
                case CalledProcessStarted started:
                    if (await StartChildAsync(run, instance, started, trigger.Actor, pending, cancellationToken) is { } failure) return failure;
                    break;
                case CalledProcessCancelled cancelled:
                    var child = run.Instances.FirstOrDefault(c => c.ParentNo == instance.No && c.ParentTokenId == cancelled.TokenId && c.IsActive);
                    if (child is not null) pending.Enqueue((child, new CancelInstance("The calling process cancelled it.") { Actor = trigger.Actor }));
                    break;
                case OutboxMessage message: run.Actions.Add(new RecordedAction(instance.No, message.Kind, message.ElementId, message.Payload)); break;
                case JournalEntry entry:
                    run.Journal.Add(new SandboxJournalLine(instance.No, run.Now, entry.Kind.ToString(), entry.ElementId, entry.Actor, entry.Detail, entry.Data));
                    break;
                case InstanceEnded: ended = true; break;
            }
        }
        if (ended) NotifyParent(run, instance, result, trigger.Actor, pending);
        return null;
    }

    private static void RemoveTask(TestRun run, SandboxInstance instance, int taskId) =>
        run.Tasks.RemoveAll(t => t.InstanceNo == instance.No && t.TaskId == taskId);

    private async Task<SandboxIncident?> StartChildAsync(TestRun run, SandboxInstance parent, CalledProcessStarted started, string actor,
        Queue<(SandboxInstance, Trigger)> pending, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await publishedVersions.LatestAsync(db, started.ProcessId, cancellationToken) is not { } versionId)
            return new SandboxIncident(parent.No, RunnerIncidentCodes.NoPublishedVersion, started.ElementId,
                $"callActivity '{started.ElementId}' calls process '{started.ProcessId}', which has no published version.");
        var row = await db.ProcessDefinitions.AsNoTracking().Where(d => d.Id == versionId)
            .Select(d => new { d.Version, d.BpmnXml }).SingleAsync(cancellationToken);
        var child = new SandboxInstance
        {
            No = run.Instances.Count + 1, ParentNo = parent.No, ParentTokenId = started.TokenId, ProcessKey = started.ProcessId,
            Version = $"v{row.Version}", BpmnXml = row.BpmnXml, Definition = definitions.Get(versionId, started.ProcessId, row.BpmnXml),
        };
        run.Instances.Add(child);
        pending.Enqueue((child, new StartInstance(started.Variables, IsCalledProcess: true) { Actor = actor }));
        return null;
    }

    /// <summary>As the runner does: a child that completed (or ended on an error) hands back to its call activity; a cancelled one tells nobody.</summary>
    private static void NotifyParent(TestRun run, SandboxInstance child, StepResult result, string actor, Queue<(SandboxInstance, Trigger)> pending)
    {
        if (child.ParentNo is not { } parentNo || child.ParentTokenId is not { } tokenId) return;
        if (child.State.Status is not (InstanceStatus.Completed or InstanceStatus.Terminated)) return;
        var parent = run.Instances.Single(i => i.No == parentNo);
        Trigger trigger = result.Effects.OfType<ErrorEscaped>().FirstOrDefault() is { } escaped
            ? new FailCalledProcess(tokenId, escaped.ErrorCode)
            : new CompleteCalledProcess(tokenId, result.State.Variables);
        pending.Enqueue((parent, trigger with { Actor = actor }));
    }
}
