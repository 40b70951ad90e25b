using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Execution.Elements;

/// <summary>End events: none consumes the token; terminate clears its scope; error throws to the nearest catcher.</summary>
internal static class EndEventBehaviour
{
    public static void Enter(StepContext context, Token token, EndEvent end)
    {
        switch (end.Kind)
        {
            case EndEventKind.None:
                Flow.Consume(context, token);
                break;
            case EndEventKind.Terminate:
                Cancellation.CancelTokensOfScope(context, token.ScopeId, keep: token);
                if (token.ScopeId == InstanceState.ProcessScopeId) context.ProcessTerminated = true;
                Flow.Consume(context, token);
                break;
            case EndEventKind.Error:
                context.State.Tokens.Remove(token);
                ErrorPropagation.ThrowFromScope(context, token, end.ErrorCode ?? "");
                break;
        }
    }
}

/// <summary>Intermediate catch events wait for their timer or message.</summary>
internal static class IntermediateCatchBehaviour
{
    public static void Enter(StepContext context, Token token, IntermediateCatchEvent catchEvent)
    {
        switch (catchEvent.Definition)
        {
            case TimerDefinition timer:
                Activities.Wait(token, WaitKind.Timer);
                Timers.Schedule(context, token, catchEvent.Id, timer);
                break;
            case MessageDefinition message:
                MessageCatch.Wait(context, token, message.MessageName);
                break;
            default:
                throw new NotSupportedException($"{catchEvent.Describe()} waits for an event this engine does not support.");
        }
    }
}
