using MonitoringWorkflows.Engine.Execution.Elements;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Execution;

/// <summary>
/// What each trigger does to the working state before the step loop moves the tokens. A trigger for a wait state
/// that no longer exists is journaled and changes nothing else; a refusal comes back as a <see cref="Rejection"/>.
/// </summary>
internal static class TriggerHandlers
{
    public static Rejection? Apply(StepContext context, Trigger trigger) => trigger switch
    {
        StartInstance start => Start(context, start),
        CompleteTask complete => CompleteTask(context, complete),
        FireTimer fire => FireTimer(context, fire),
        ReceiveMessage message => ReceiveMessage(context, message),
        CompleteCalledProcess called => CompleteCalledProcess(context, called),
        FailCalledProcess failed => FailCalledProcess(context, failed),
        CancelInstance cancel => Cancel(context, cancel),
        _ => throw new NotSupportedException($"The trigger {trigger.GetType().Name} is not supported."),
    };

    private static Rejection? Start(StepContext context, StartInstance start)
    {
        var state = context.State;
        if (state.Scopes.Count > 0 || state.Status != InstanceStatus.Running)
            return new Rejection("START001", "This instance has already started.");
        var startNodes = context.Definition.StartNodes();
        if (startNodes.Count == 0)
            throw new StepFailure(IncidentCodes.NoStartEvent, context.Definition.Id, $"The process '{context.Definition.Id}' has no none start event.");
        state.IsCalledProcess = start.IsCalledProcess;
        state.Scopes.Add(new ScopeInstance { Id = InstanceState.ProcessScopeId, Kind = ScopeKind.Process, ElementId = context.Definition.Id });
        if (start.Variables is { } variables)
            foreach (var (name, value) in variables) context.SetVariable(InstanceState.ProcessScopeId, name, value);
        context.Journal(JournalKind.InstanceStarted, context.Definition.Id, data: start.Variables);
        foreach (var node in startNodes) context.MakeReady(context.NewToken(node.Id, InstanceState.ProcessScopeId));
        return null;
    }

    private static Rejection? CompleteTask(StepContext context, CompleteTask complete)
    {
        var token = context.State.Tokens.Find(t => t.TaskId == complete.TaskId && t is { Phase: TokenPhase.Waiting, Wait: WaitKind.UserTask });
        if (token is null)
            return Ignored(context, $"task {complete.TaskId} is not open");
        context.CurrentElementId = token.ElementId;
        UserTaskBehaviour.Complete(context, token, complete.Data, context.Actor);
        return null;
    }

    private static Rejection? FireTimer(StepContext context, FireTimer fire)
    {
        var timer = context.State.Subscriptions.Find(s => s.Id == fire.TimerId && s.Kind == SubscriptionKind.Timer);
        if (timer is null) return Ignored(context, $"timer {fire.TimerId} is no longer pending");
        var holder = context.FindToken(timer.TokenId)!;
        context.CurrentElementId = timer.ElementId;
        context.Journal(JournalKind.TimerFired, timer.ElementId);
        if (context.Definition.Node(timer.ElementId) is BoundaryEvent boundary)
        {
            // An interrupting timer has fired, not been cancelled: drop it before the activity's cancellation runs.
            if (boundary.CancelActivity) context.State.Subscriptions.Remove(timer);
            else Timers.AfterFiring(context, timer);
            BoundaryEvents.Trigger(context, holder, boundary, data: null);
        }
        else
        {
            context.State.Subscriptions.Remove(timer);
            context.Journal(JournalKind.ElementCompleted, holder.ElementId);
            Flow.Leave(context, holder, context.NodeOf(holder));
        }
        return null;
    }

    private static Rejection? ReceiveMessage(StepContext context, ReceiveMessage message)
    {
        // When several steps wait for the same message, the one that started waiting first receives it.
        var subscription = context.State.Subscriptions.Find(s => s.Kind == SubscriptionKind.Message && s.MessageName == message.MessageName);
        if (subscription is null)
            return new Rejection("MESSAGE001", $"No step of this case is waiting for the message '{message.MessageName}'.");
        var holder = context.FindToken(subscription.TokenId)!;
        context.CurrentElementId = subscription.ElementId;
        context.Journal(JournalKind.MessageReceived, subscription.ElementId, message.MessageName);
        context.State.Subscriptions.Remove(subscription);
        switch (context.Definition.Node(subscription.ElementId))
        {
            case BoundaryEvent boundary:
                BoundaryEvents.Trigger(context, holder, boundary, message.Data);
                break;
            case ReceiveTask:
                Activities.Complete(context, holder, message.Data);
                break;
            case var node:
                Flow.MergeData(context, holder, message.Data);
                context.Journal(JournalKind.ElementCompleted, node.Id);
                Flow.Leave(context, holder, node);
                break;
        }
        return null;
    }

    private static Rejection? CompleteCalledProcess(StepContext context, CompleteCalledProcess called)
    {
        var token = context.FindToken(called.TokenId);
        if (token is not { Phase: TokenPhase.Waiting, Wait: WaitKind.CalledProcess })
            return Ignored(context, $"no call activity waits on token {called.TokenId}");
        context.CurrentElementId = token.ElementId;
        CallActivityBehaviour.Complete(context, token, called.ChildVariables);
        return null;
    }

    private static Rejection? FailCalledProcess(StepContext context, FailCalledProcess failed)
    {
        var token = context.FindToken(failed.TokenId);
        if (token is not { Phase: TokenPhase.Waiting, Wait: WaitKind.CalledProcess })
            return Ignored(context, $"no call activity waits on token {failed.TokenId}");
        context.CurrentElementId = token.ElementId;
        // The child has already ended: nothing to cancel there.
        token.Wait = WaitKind.None;
        ErrorPropagation.ThrowFromActivity(context, token, failed.ErrorCode);
        return null;
    }

    private static Rejection? Cancel(StepContext context, CancelInstance cancel)
    {
        if (context.State.Status != InstanceStatus.Running)
            return new Rejection("CANCEL001", $"The instance has already ended ({context.State.Status}).");
        Cancellation.CancelAll(context);
        context.State.Scopes.Clear();
        context.State.Subscriptions.Clear();
        context.State.Status = InstanceStatus.Cancelled;
        context.Journal(JournalKind.InstanceCancelled, context.Definition.Id, cancel.Reason);
        context.Emit(new InstanceEnded(InstanceStatus.Cancelled));
        return null;
    }

    private static Rejection? Ignored(StepContext context, string why)
    {
        context.Journal(JournalKind.TriggerIgnored, null, why);
        return null;
    }
}
