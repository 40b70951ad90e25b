using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Execution.Elements;

/// <summary>
/// Boundary timers and messages wait while their activity does. When one triggers, an interrupting boundary
/// cancels the activity and everything inside it first; a non-interrupting one leaves the activity running.
/// Error boundaries need no subscription: <see cref="ErrorPropagation"/> finds them.
/// </summary>
internal static class BoundaryEvents
{
    public static void Subscribe(StepContext context, Token activityToken, Activity activity)
    {
        foreach (var boundary in activity.BoundaryEvents)
        {
            switch (boundary.Definition)
            {
                case TimerDefinition timer: Timers.Schedule(context, activityToken, boundary.Id, timer); break;
                case MessageDefinition message: MessageCatch.Subscribe(context, activityToken, boundary.Id, message.MessageName); break;
            }
        }
    }

    /// <summary>Drops the subscriptions the token holds (its boundaries, or its own catch), cancelling timers with the host.</summary>
    public static void Unsubscribe(StepContext context, Token token)
    {
        var subscriptions = context.State.Subscriptions;
        for (var i = subscriptions.Count - 1; i >= 0; i--)
        {
            var subscription = subscriptions[i];
            if (subscription.TokenId != token.Id) continue;
            subscriptions.RemoveAt(i);
            if (subscription.Kind == SubscriptionKind.Timer) context.Emit(new TimerCancelled(subscription.Id, subscription.ElementId));
        }
    }

    /// <summary>The boundary triggered for the activity on <paramref name="activityToken"/>.</summary>
    public static void Trigger(StepContext context, Token activityToken, BoundaryEvent boundary, JsonObject? data)
    {
        context.CurrentElementId = boundary.Id;
        if (boundary.CancelActivity) Cancellation.Cancel(context, activityToken);
        var token = context.NewToken(boundary.Id, activityToken.ScopeId);
        Flow.MergeData(context, token, data);
        context.MakeReady(token);
    }
}
