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
                Changes.NewTasks.Add(NewTask(instance, created));
                break;
            case UserTaskCancelled cancelled:
                if (await FindOpenTaskAsync(instance, cancelled.TaskId, cancellationToken) is { } openTask)
                {
                    openTask.Status = UserTaskStatus.Cancelled;
                    MarkChanged(openTask);
                }
                break;
            case UserTaskCompleted completed:
                if (await FindOpenTaskAsync(instance, completed.TaskId, cancellationToken) is { } task)
                {
                    task.Status = UserTaskStatus.Completed;
                    task.CompletedBy = completed.Actor;
                    task.CompletedAt = now;
                    MarkChanged(task);
                }
                break;
            case TimerScheduled scheduled:
                Changes.NewTimers.Add(new TimerRecord
                {
                    Instance = instance, TimerId = scheduled.TimerId, ElementId = scheduled.ElementId,
                    DueAt = scheduled.DueAt, Status = TimerStatus.Pending,
                });
                break;
            case TimerCancelled cancelledTimer:
                if (await FindPendingTimerAsync(instance, cancelledTimer.TimerId, cancellationToken) is { } timer)
                {
                    timer.Status = TimerStatus.Cancelled;
                    MarkChanged(timer);
                }
                break;
            case CalledProcessStarted started:
                await StartChildAsync(instance, started, trigger.Actor, cancellationToken);
                break;
            case CalledProcessCancelled cancelledChild:
                await CancelChildAsync(instance, cancelledChild.TokenId, trigger.Actor, cancellationToken);
                break;
            case OutboxMessage message:
                Changes.Outbox.Add(new OutboxMessageRecord
                {
                    Instance = instance, Kind = message.Kind, ElementId = message.ElementId,
                    PayloadJson = message.Payload.ToJsonString(), CreatedAt = now,
                });
                break;
            case JournalEntry entry:
                Changes.Journal.Add(new JournalEntryRecord
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

    private static bool BelongsTo(ProcessInstanceRecord? rowInstance, long rowInstanceId, ProcessInstanceRecord instance) =>
        ReferenceEquals(rowInstance, instance) || (instance.Id != 0 && rowInstanceId == instance.Id);

    private async Task<ProcessInstanceRecord> LoadInstanceAsync(long id, CancellationToken cancellationToken)
    {
        if (Changes.LoadedInstances.TryGetValue(id, out var loaded)) return loaded;
        var stored = await db.ProcessInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new InvalidOperationException($"Instance {id} is missing.");
        Changes.LoadedInstances[id] = stored;
        return stored;
    }

    private void MarkChanged(UserTaskRecord task)
    {
        if (task.Id != 0) Changes.ChangedTasks.Add(task.Id);
    }

    private void MarkChanged(TimerRecord timer)
    {
        if (timer.Id != 0) Changes.ChangedTimers.Add(timer.Id);
    }

    /// <summary>The open row of a task: one added or read earlier in this unit of work (which may have closed it since), else the stored one.</summary>
    private async Task<UserTaskRecord?> FindOpenTaskAsync(ProcessInstanceRecord instance, int taskId, CancellationToken cancellationToken)
    {
        // A task id is used once per instance, so a row already known here answers without a query.
        var known = Changes.NewTasks.Concat(Changes.LoadedTasks.Values).FirstOrDefault(t =>
            t.TaskId == taskId && BelongsTo(t.Instance, t.InstanceId, instance));
        if (known is not null || instance.Id == 0) return known?.Status == UserTaskStatus.Open ? known : null;
        var stored = await db.UserTasks.AsNoTracking().FirstOrDefaultAsync(t =>
            t.InstanceId == instance.Id && t.TaskId == taskId && t.Status == UserTaskStatus.Open, cancellationToken);
        return stored is null ? null : Changes.Loaded(stored) is { Status: UserTaskStatus.Open } open ? open : null;
    }

    private async Task<TimerRecord?> FindPendingTimerAsync(ProcessInstanceRecord instance, int timerId, CancellationToken cancellationToken)
    {
        // A cycle timer keeps its id for every repetition, so only a pending row known here answers without a query.
        var known = Changes.NewTimers.Concat(Changes.LoadedTimers.Values).FirstOrDefault(t =>
            t.TimerId == timerId && t.Status == TimerStatus.Pending && BelongsTo(t.Instance, t.InstanceId, instance));
        if (known is not null || instance.Id == 0) return known;
        var stored = await db.Timers.AsNoTracking().FirstOrDefaultAsync(t =>
            t.InstanceId == instance.Id && t.TimerId == timerId && t.Status == TimerStatus.Pending, cancellationToken);
        return stored is null ? null : Changes.Loaded(stored) is { Status: TimerStatus.Pending } pending ? pending : null;
    }
}
