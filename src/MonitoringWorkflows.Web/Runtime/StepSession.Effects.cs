using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Runtime;

internal sealed partial class StepSession
{
    /// <summary>Turns one effect into rows; returns true when the instance ended.</summary>
    private async Task<bool> ApplyAsync(ProcessInstanceRecord instance, Trigger trigger, Effect effect, CancellationToken cancellationToken)
    {
        switch (effect)
        {
            case UserTaskCreated created: Changes.NewTasks.Add(EffectRows.Task(instance, created, now)); break;
            case UserTaskCancelled cancelled: await CloseTaskAsync(instance, cancelled.TaskId, null, cancellationToken); break;
            case UserTaskCompleted completed: await CloseTaskAsync(instance, completed.TaskId, completed.Actor, cancellationToken); break;
            case TimerScheduled scheduled: Changes.NewTimers.Add(EffectRows.Timer(instance, scheduled)); break;
            case TimerCancelled cancelled: await CancelTimerAsync(instance, cancelled.TimerId, cancellationToken); break;
            case CalledProcessStarted started: await StartChildAsync(instance, started, trigger.Actor, cancellationToken); break;
            case CalledProcessCancelled cancelled: await CancelChildAsync(instance, cancelled.TokenId, trigger.Actor, cancellationToken); break;
            case OutboxMessage message: Changes.Outbox.Add(EffectRows.Outbox(instance, message, now)); break;
            case JournalEntry entry: Changes.Journal.Add(EffectRows.Journal(instance, entry, now)); break;
            // Handled once the step's effects are all applied: the parent gets it instead of a completion.
            case ErrorEscaped: break;
            case InstanceEnded ended:
                instance.Status = EffectRows.Status(ended.Status);
                instance.EndedAt = now;
                return true;
            default: throw new NotSupportedException($"The runner cannot apply the effect {effect.GetType().Name}.");
        }
        return false;
    }

    /// <summary>Closes an open task: completed by <paramref name="completedBy"/>, or cancelled when that is null.</summary>
    private async Task CloseTaskAsync(ProcessInstanceRecord instance, int taskId, string? completedBy, CancellationToken cancellationToken)
    {
        if (await FindOpenTaskAsync(instance, taskId, cancellationToken) is not { } task) return;
        task.Status = completedBy is null ? UserTaskStatus.Cancelled : UserTaskStatus.Completed;
        task.CompletedBy = completedBy;
        task.CompletedAt = completedBy is null ? null : now;
        MarkChanged(task);
    }

    private async Task CancelTimerAsync(ProcessInstanceRecord instance, int timerId, CancellationToken cancellationToken)
    {
        if (await FindPendingTimerAsync(instance, timerId, cancellationToken) is not { } timer) return;
        timer.Status = TimerStatus.Cancelled;
        MarkChanged(timer);
    }

    private async Task StartChildAsync(ProcessInstanceRecord parent, CalledProcessStarted started, string actor, CancellationToken cancellationToken)
    {
        var versionId = await publishedVersions.LatestAsync(db, started.ProcessId, cancellationToken)
            ?? throw new RunnerIncidentException(RunnerIncidentCodes.NoPublishedVersion, started.ElementId,
                $"callActivity '{started.ElementId}' calls process '{started.ProcessId}', which has no published version: publish it, then retry.");
        var child = new ProcessInstanceRecord
        {
            DefinitionVersionId = versionId, ParentInstance = parent, ParentTokenId = started.TokenId,
            BusinessKey = parent.BusinessKey, Status = ProcessInstanceStatus.Running,
            StateJson = RuntimeJson.Serialize(new InstanceState()), StartedBy = actor, StartedAt = now,
        };
        Changes.Add(child);
        pending.Enqueue((child, new StartInstance(started.Variables, IsCalledProcess: true) { Actor = actor }));
    }

    private async Task CancelChildAsync(ProcessInstanceRecord parent, int tokenId, string actor, CancellationToken cancellationToken)
    {
        var child = Changes.NewInstances.Concat(Changes.LoadedInstances.Values)
            .FirstOrDefault(c => IsChildOf(c, parent, tokenId) && c.IsActive);
        if (child is null && parent.Id != 0)
        {
            var stored = await db.ProcessInstances.AsNoTracking().FirstOrDefaultAsync(c => c.ParentInstanceId == parent.Id
                && c.ParentTokenId == tokenId
                && (c.Status == ProcessInstanceStatus.Running || c.Status == ProcessInstanceStatus.Incident), cancellationToken);
            child = stored is null ? null : Changes.LoadedInstances.TryAdd(stored.Id, stored) ? stored : Changes.LoadedInstances[stored.Id];
        }
        // No active child: it ended in this same unit of work, so there is nothing left to cancel.
        if (child is not null) pending.Enqueue((child, new CancelInstance("The calling process cancelled it.") { Actor = actor }));
    }

    /// <summary>
    /// A child that ended hands its variables back to its call activity, or, when an error escaped it, hands the
    /// error to the call activity's boundary events. A child cancelled by its parent tells nobody.
    /// </summary>
    private async Task NotifyParentAsync(ProcessInstanceRecord child, StepResult result, string actor, CancellationToken cancellationToken)
    {
        if (child.ParentTokenId is not { } tokenId) return;
        if (child.Status is not (ProcessInstanceStatus.Completed or ProcessInstanceStatus.Terminated)) return;
        var parent = child.ParentInstance ?? await LoadInstanceAsync(child.ParentInstanceId!.Value, cancellationToken);
        Trigger trigger = result.Effects.OfType<ErrorEscaped>().FirstOrDefault() is { } escaped
            ? new FailCalledProcess(tokenId, escaped.ErrorCode)
            : new CompleteCalledProcess(tokenId, result.State.Variables);
        pending.Enqueue((parent, trigger with { Actor = actor }));
    }

    private static bool IsChildOf(ProcessInstanceRecord candidate, ProcessInstanceRecord parent, int tokenId) =>
        candidate.ParentTokenId == tokenId
        && (ReferenceEquals(candidate.ParentInstance, parent) || (parent.Id != 0 && candidate.ParentInstanceId == parent.Id));

}
