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
            case UserTaskCreated created:
                db.UserTasks.Add(NewTask(instance, created));
                break;
            case UserTaskCancelled cancelled:
                if (await FindOpenTaskAsync(instance, cancelled.TaskId, cancellationToken) is { } openTask)
                    openTask.Status = UserTaskStatus.Cancelled;
                break;
            case UserTaskCompleted completed:
                if (await FindOpenTaskAsync(instance, completed.TaskId, cancellationToken) is { } task)
                {
                    task.Status = UserTaskStatus.Completed;
                    task.CompletedBy = completed.Actor;
                    task.CompletedAt = now;
                }
                break;
            case TimerScheduled scheduled:
                db.Timers.Add(new TimerRecord
                {
                    Instance = instance, TimerId = scheduled.TimerId, ElementId = scheduled.ElementId,
                    DueAt = scheduled.DueAt, Status = TimerStatus.Pending,
                });
                break;
            case TimerCancelled cancelledTimer:
                if (await FindPendingTimerAsync(instance, cancelledTimer.TimerId, cancellationToken) is { } timer)
                    timer.Status = TimerStatus.Cancelled;
                break;
            case CalledProcessStarted started:
                await StartChildAsync(instance, started, trigger.Actor, cancellationToken);
                break;
            case CalledProcessCancelled cancelledChild:
                await CancelChildAsync(instance, cancelledChild.TokenId, trigger.Actor, cancellationToken);
                break;
            case OutboxMessage message:
                db.OutboxMessages.Add(new OutboxMessageRecord
                {
                    Instance = instance, Kind = message.Kind, ElementId = message.ElementId,
                    PayloadJson = message.Payload.ToJsonString(), CreatedAt = now,
                });
                break;
            case JournalEntry entry:
                db.JournalEntries.Add(new JournalEntryRecord
                {
                    Instance = instance, At = now, Kind = entry.Kind, ElementId = entry.ElementId, Actor = entry.Actor,
                    Detail = entry.Detail, DataJson = entry.Data?.ToJsonString(),
                });
                break;
            case ErrorEscaped:
                // Handled once the step's effects are all applied: the parent gets it instead of a completion.
                break;
            case InstanceEnded ended:
                instance.Status = ended.Status switch
                {
                    InstanceStatus.Completed => ProcessInstanceStatus.Completed,
                    InstanceStatus.Terminated => ProcessInstanceStatus.Terminated,
                    InstanceStatus.Cancelled => ProcessInstanceStatus.Cancelled,
                    _ => throw new NotSupportedException($"An instance cannot end as {ended.Status}."),
                };
                instance.EndedAt = now;
                return true;
            default:
                throw new NotSupportedException($"The runner cannot apply the effect {effect.GetType().Name}.");
        }
        return false;
    }

    private UserTaskRecord NewTask(ProcessInstanceRecord instance, UserTaskCreated created) => new()
    {
        Instance = instance, TaskId = created.TaskId, ElementId = created.ElementId, Name = created.Name,
        Agency = created.Agency, Role = created.Role, FormKey = created.FormKey, InputJson = created.Input?.ToJsonString(),
        CreatedAt = now, DueAt = created.DueAt, Status = UserTaskStatus.Open,
    };

    private async Task StartChildAsync(ProcessInstanceRecord parent, CalledProcessStarted started, string actor, CancellationToken cancellationToken)
    {
        var versionId = await db.ProcessDefinitions
            .Where(d => d.Key == started.ProcessId && d.Status == DefinitionStatus.Published)
            .OrderByDescending(d => d.Version)
            .Select(d => (long?)d.Id)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new RunnerIncidentException(RunnerIncidentCodes.NoPublishedVersion, started.ElementId,
                $"callActivity '{started.ElementId}' calls process '{started.ProcessId}', which has no published version: publish it, then retry.");
        var child = new ProcessInstanceRecord
        {
            DefinitionVersionId = versionId, ParentInstance = parent, ParentTokenId = started.TokenId,
            BusinessKey = parent.BusinessKey, Status = ProcessInstanceStatus.Running,
            StateJson = RuntimeJson.Serialize(new InstanceState()), StartedBy = actor, StartedAt = now,
        };
        db.ProcessInstances.Add(child);
        pending.Enqueue((child, new StartInstance(started.Variables, IsCalledProcess: true) { Actor = actor }));
    }

    private async Task CancelChildAsync(ProcessInstanceRecord parent, int tokenId, string actor, CancellationToken cancellationToken)
    {
        var child = db.ProcessInstances.Local.FirstOrDefault(c => IsChildOf(c, parent, tokenId) && c.IsActive);
        if (child is null && parent.Id != 0)
        {
            child = await db.ProcessInstances.FirstOrDefaultAsync(c => c.ParentInstanceId == parent.Id && c.ParentTokenId == tokenId
                && (c.Status == ProcessInstanceStatus.Running || c.Status == ProcessInstanceStatus.Incident), cancellationToken);
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
        var parent = child.ParentInstance
            ?? await db.ProcessInstances.FindAsync([child.ParentInstanceId!.Value], cancellationToken)
            ?? throw new InvalidOperationException($"The parent of instance {child.Id} is missing.");
        Trigger trigger = result.Effects.OfType<ErrorEscaped>().FirstOrDefault() is { } escaped
            ? new FailCalledProcess(tokenId, escaped.ErrorCode)
            : new CompleteCalledProcess(tokenId, result.State.Variables);
        pending.Enqueue((parent, trigger with { Actor = actor }));
    }

    private static bool IsChildOf(ProcessInstanceRecord candidate, ProcessInstanceRecord parent, int tokenId) =>
        candidate.ParentTokenId == tokenId
        && (ReferenceEquals(candidate.ParentInstance, parent) || (parent.Id != 0 && candidate.ParentInstanceId == parent.Id));

    private static bool BelongsTo(ProcessInstanceRecord? rowInstance, long rowInstanceId, ProcessInstanceRecord instance) =>
        ReferenceEquals(rowInstance, instance) || (instance.Id != 0 && rowInstanceId == instance.Id);

    private async Task<UserTaskRecord?> FindOpenTaskAsync(ProcessInstanceRecord instance, int taskId, CancellationToken cancellationToken)
    {
        var local = db.UserTasks.Local.FirstOrDefault(t =>
            t.TaskId == taskId && t.Status == UserTaskStatus.Open && BelongsTo(t.Instance, t.InstanceId, instance));
        if (local is not null || instance.Id == 0) return local;
        var stored = await db.UserTasks.FirstOrDefaultAsync(t =>
            t.InstanceId == instance.Id && t.TaskId == taskId && t.Status == UserTaskStatus.Open, cancellationToken);
        // A row already tracked keeps its in-memory values: it may have been closed earlier in this unit of work.
        return stored?.Status == UserTaskStatus.Open ? stored : null;
    }

    private async Task<TimerRecord?> FindPendingTimerAsync(ProcessInstanceRecord instance, int timerId, CancellationToken cancellationToken)
    {
        var local = db.Timers.Local.FirstOrDefault(t =>
            t.TimerId == timerId && t.Status == TimerStatus.Pending && BelongsTo(t.Instance, t.InstanceId, instance));
        if (local is not null || instance.Id == 0) return local;
        var stored = await db.Timers.FirstOrDefaultAsync(t =>
            t.InstanceId == instance.Id && t.TimerId == timerId && t.Status == TimerStatus.Pending, cancellationToken);
        return stored?.Status == TimerStatus.Pending ? stored : null;
    }
}
