using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Runtime;

/// <summary>Finding the rows an effect concerns: first among those this unit of work added or read, then in the database.</summary>
internal sealed partial class StepSession
{
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
