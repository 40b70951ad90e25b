using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Execution.Elements;

/// <summary>Parks a token until a message with the given name arrives for this instance.</summary>
internal static class MessageCatch
{
    public static void Wait(StepContext context, Token token, string messageName)
    {
        Activities.Wait(token, WaitKind.Message);
        Subscribe(context, token, token.ElementId, messageName);
    }

    public static void Subscribe(StepContext context, Token holder, string elementId, string messageName) =>
        context.State.Subscriptions.Add(new Subscription
        {
            Id = context.State.TakeId(),
            Kind = SubscriptionKind.Message,
            TokenId = holder.Id,
            ElementId = elementId,
            MessageName = messageName,
        });
}
