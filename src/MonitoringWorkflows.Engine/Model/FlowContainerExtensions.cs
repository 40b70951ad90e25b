namespace MonitoringWorkflows.Engine.Model;

public static class FlowContainerExtensions
{
    /// <summary>
    /// Where a new run of the container starts: its none start event; or, when it has no start event at all, every
    /// node without an incoming flow (the BPMN rule for implicit start), boundary events excepted.
    /// </summary>
    public static IReadOnlyList<FlowNode> StartNodes(this IFlowContainer container)
    {
        if (container.NoneStart is { } start) return [start];
        return container.Nodes.Where(n => n.Incoming.Count == 0 && n is not BoundaryEvent && n is not StartEvent).ToList();
    }
}
