using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Execution.Elements;

/// <summary>Enters the element a ready token sits on: the one place that maps element types to behaviour.</summary>
internal static class ElementDispatch
{
    public static void Enter(StepContext context, Token token)
    {
        var node = context.NodeOf(token);
        context.CurrentElementId = node.Id;
        // Gateways and pass-through events are recorded by the flows taken around them; steps, waits and ends are entered.
        if (node is Activity or IntermediateCatchEvent or EndEvent) context.Journal(JournalKind.ElementEntered, node.Id);
        switch (node)
        {
            case StartEvent or IntermediateThrowEvent or BoundaryEvent: Flow.Leave(context, token, node); break;
            case EndEvent end: EndEventBehaviour.Enter(context, token, end); break;
            case IntermediateCatchEvent catchEvent: IntermediateCatchBehaviour.Enter(context, token, catchEvent); break;
            case ExclusiveGateway exclusive: ExclusiveGatewayBehaviour.Enter(context, token, exclusive); break;
            case ParallelGateway parallel: ParallelGatewayBehaviour.Enter(context, token, parallel); break;
            case InclusiveGateway inclusive: InclusiveGatewayBehaviour.Enter(context, token, inclusive); break;
            case Activity activity: Activities.Enter(context, token, activity); break;
            default: throw new NotSupportedException($"{node.Describe()} cannot be executed by this engine.");
        }
    }
}
