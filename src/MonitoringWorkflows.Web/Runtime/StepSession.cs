using MonitoringWorkflows.Engine.Execution;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Runtime;

/// <summary>
/// One unit of work: every step that one trigger causes, on its instance and on the parents and children that call
/// activities tie to it. It reads through the <see cref="WorkflowDbContext"/> and collects every change in a
/// <see cref="ChangeSet"/>, which the runner writes in one transaction, or throws away. Steps run one after the other
/// from a queue, so each step's effects are fully applied before the step it caused starts.
/// </summary>
internal sealed partial class StepSession(WorkflowDbContext db, DefinitionCache definitions, PublishedVersions publishedVersions,
    ProcessExecutor executor, DateTimeOffset now)
{
    private readonly Queue<(ProcessInstanceRecord Instance, Trigger Trigger)> pending = new();
    private readonly Dictionary<ProcessInstanceRecord, InstanceState> states = new(ReferenceEqualityComparer.Instance);

    public ChangeSet Changes { get; } = new();

    public async Task<SessionFailure?> RunAsync(ProcessInstanceRecord instance, Trigger trigger, CancellationToken cancellationToken)
    {
        pending.Enqueue((instance, trigger));
        while (pending.TryDequeue(out var work))
        {
            var failure = await StepAsync(work.Instance, work.Trigger, cancellationToken);
            if (failure is not null) return failure;
        }
        return null;
    }

    /// <summary>The state of an instance as this unit of work left it.</summary>
    public InstanceState StateOf(ProcessInstanceRecord instance)
    {
        if (!states.TryGetValue(instance, out var state))
        {
            state = RuntimeJson.DeserializeState(instance.StateJson);
            states[instance] = state;
        }
        return state;
    }

    private async Task<SessionFailure?> StepAsync(ProcessInstanceRecord instance, Trigger trigger, CancellationToken cancellationToken)
    {
        var definition = await definitions.GetAsync(db, instance.DefinitionVersionId, cancellationToken);
        var result = executor.Step(definition, StateOf(instance), trigger, now);
        if (result.Incident is { } incident) return SessionFailure.From(instance, definition.Id, incident);
        if (result.Rejection is { } rejection) return SessionFailure.From(instance, definition.Id, rejection);

        Changes.Track(instance);
        states[instance] = result.State;
        instance.StateJson = RuntimeJson.Serialize(result.State);
        instance.Version++;
        try
        {
            await CloseTriggeringRowAsync(instance, trigger, cancellationToken);
            var ended = false;
            foreach (var effect in result.Effects) ended |= await ApplyAsync(instance, trigger, effect, cancellationToken);
            if (ended) await NotifyParentAsync(instance, result, trigger.Actor, cancellationToken);
        }
        catch (RunnerIncidentException e)
        {
            return new SessionFailure(instance, definition.Id, e.Code, e.ElementId, e.Message);
        }
        return null;
    }

    /// <summary>Marks the task or timer row the trigger answers, so a retried or repeated trigger finds it closed.</summary>
    private async Task CloseTriggeringRowAsync(ProcessInstanceRecord instance, Trigger trigger, CancellationToken cancellationToken)
    {
        switch (trigger)
        {
            case CompleteTask complete when await FindOpenTaskAsync(instance, complete.TaskId, cancellationToken) is { } task:
                task.Status = UserTaskStatus.Completed;
                task.CompletedBy = trigger.Actor;
                task.CompletedAt = now;
                task.OutputJson = complete.Data?.ToJsonString();
                MarkChanged(task);
                break;
            case FireTimer fire when await FindPendingTimerAsync(instance, fire.TimerId, cancellationToken) is { } timer:
                timer.Status = TimerStatus.Fired;
                timer.FiredAt = now;
                MarkChanged(timer);
                break;
        }
    }
}
