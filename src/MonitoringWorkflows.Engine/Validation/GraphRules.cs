using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Model;

namespace MonitoringWorkflows.Engine.Validation;

/// <summary>The shape of the graph: where tokens start, where they may stop, and which nodes they can reach.</summary>
internal static class GraphRules
{
    public static void Check(ProcessDefinition process, List<BpmnDiagnostic> diagnostics)
    {
        IEnumerable<IFlowContainer> containers = [process, .. process.AllNodes.OfType<SubProcess>()];
        foreach (var container in containers) StartEvents(container, diagnostics);
        foreach (var node in process.AllNodes) Ends(node, diagnostics);
        Unreachable(process, diagnostics);
    }

    private static void StartEvents(IFlowContainer container, List<BpmnDiagnostic> diagnostics)
    {
        var starts = container.Nodes.OfType<StartEvent>().ToList();
        if (starts.Count == 0)
            diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.StartEventCount, container,
                "has no start event, so nothing in it can run: add one none start event."));
        else if (starts.Count > 1)
            diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.StartEventCount, container,
                $"has {starts.Count} start events ({string.Join(", ", starts.Select(s => s.Id))}): keep exactly one none start event and join the paths after it."));
    }

    private static void Ends(FlowNode node, List<BpmnDiagnostic> diagnostics)
    {
        if (node is StartEvent or BoundaryEvent && node.Incoming.Count > 0)
            diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.IncomingNotAllowed, node,
                $"has an incoming sequence flow ({node.Incoming[0].Id}), but a {node.BpmnType} is only ever triggered, never entered: remove the flow."));
        if (node is EndEvent && node.Outgoing.Count > 0)
            diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.OutgoingFromEnd, node,
                $"has an outgoing sequence flow ({node.Outgoing[0].Id}), but nothing leaves an end event: remove the flow or use another element."));
        if (node is not EndEvent && node.Outgoing.Count == 0)
            diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.DeadEnd, node,
                "has no outgoing sequence flow, so a token would stop there for ever: connect it onwards or to an end event."));
    }

    private static void Unreachable(ProcessDefinition process, List<BpmnDiagnostic> diagnostics)
    {
        var reached = Reached(process);
        foreach (var node in process.AllNodes)
        {
            if (reached.Contains(node) || node is StartEvent) continue;
            // Report only the outermost unreachable node: what sits inside it, or on its border, goes with it.
            if (node.Parent is { } parent && !reached.Contains(parent)) continue;
            if (node is BoundaryEvent boundary && !reached.Contains(boundary.AttachedTo)) continue;
            if (!process.ContainerOf(node).Nodes.OfType<StartEvent>().Any()) continue;
            diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.Unreachable, node,
                "cannot be reached from the start event: connect a sequence flow to it, or remove it."));
        }
    }

    private static HashSet<FlowNode> Reached(ProcessDefinition process)
    {
        var reached = new HashSet<FlowNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<FlowNode>(process.Nodes.OfType<StartEvent>());
        while (pending.TryPop(out var node))
        {
            if (!reached.Add(node)) continue;
            foreach (var flow in node.Outgoing) pending.Push(flow.Target);
            if (node is Activity activity) foreach (var boundary in activity.BoundaryEvents) pending.Push(boundary);
            if (node is SubProcess subProcess) foreach (var start in subProcess.Nodes.OfType<StartEvent>()) pending.Push(start);
        }
        return reached;
    }
}
