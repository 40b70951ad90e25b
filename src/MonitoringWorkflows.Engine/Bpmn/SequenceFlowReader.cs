using System.Xml.Linq;
using MonitoringWorkflows.Engine.Model;

namespace MonitoringWorkflows.Engine.Bpmn;

/// <summary>Reads sequence flows (ends, conditions) and the default flows of gateways and activities.</summary>
internal sealed class SequenceFlowReader(ReadContext context)
{
    public void Read(ProcessGraph graph, XElement element, string containerId)
    {
        var id = BpmnNames.Id(element)!;
        var source = End(graph, element, "sourceRef", containerId);
        var target = End(graph, element, "targetRef", containerId);
        var (conditionOk, condition) = Condition(element);
        if (source is null || target is null || !conditionOk) { graph.Rejected.Add(id); return; }
        graph.Add(new SequenceFlow { Id = id, Name = (string?)element.Attribute("name"), Source = source, Target = target, Condition = condition });
    }

    private FlowNode? End(ProcessGraph graph, XElement element, string attribute, string containerId)
    {
        var id = ReadContext.Ref(element, attribute);
        if (id is not null) return EndOf(graph, element, attribute, id, containerId);
        context.Error(BpmnCodes.MissingRequiredPart, element, $"has no {attribute}: connect both ends of the flow.");
        return null;
    }

    /// <summary>
    /// The node a reference names, when it is a node of the same container. Reports a dangling reference, a
    /// reference across containers or to something that is not a flow node; stays quiet about rejected nodes.
    /// </summary>
    public FlowNode? EndOf(ProcessGraph graph, XElement owner, string attribute, string id, string containerId)
    {
        if (graph.Rejected.Contains(id)) return null;
        if (graph.NodesById.TryGetValue(id, out var node) && graph.ContainerOf[id] == containerId) return node;
        var target = context.Resolve(owner, attribute, id, "connect it to an existing element");
        if (target is null) return null;
        if (!BpmnNames.IsFlowNode(target.Name.LocalName))
            context.Error(BpmnCodes.InvalidReference, owner,
                $"refers in {attribute} to {ReadContext.Describe(target)}, which is not an event, activity or gateway: connect it to one.");
        else if (node is not null)
            context.Error(BpmnCodes.CrossesContainer, owner,
                $"connects to {node.Describe()} inside {ContainerName(graph, id)}, but a flow cannot cross a sub-process border: connect elements of the same process or sub-process.");
        else if (!graph.ContainerOf.ContainsKey(id))
            context.Error(BpmnCodes.CrossesContainer, owner,
                $"connects to {ReadContext.Describe(target)}, which belongs to another process or sub-process: connect elements of the same process or sub-process (use a message or call activity between processes).");
        else
            context.Error(BpmnCodes.InvalidReference, owner,
                $"refers in {attribute} to {ReadContext.Describe(target)}, which cannot be used there: choose an activity.");
        return null;
    }

    private string ContainerName(ProcessGraph graph, string nodeId)
    {
        var containerId = graph.ContainerOf[nodeId];
        return containerId == graph.Id ? $"process '{containerId}'" : $"subProcess '{containerId}'";
    }

    private (bool Ok, string? Condition) Condition(XElement flow)
    {
        var expression = flow.Element(BpmnNames.Model + "conditionExpression");
        if (expression is null) return (true, null);
        var language = ((string?)expression.Attribute("language"))?.Trim();
        if (!string.IsNullOrEmpty(language) && !BpmnNames.JavaScriptLanguages.Contains(language))
        {
            context.Error(BpmnCodes.UnsupportedLanguage, flow,
                $"has a condition in '{language}', but conditions are JavaScript: rewrite it in JavaScript and remove the language attribute.");
            return (false, null);
        }
        // An empty condition stays empty (not "no condition"): the validator reports it instead of letting the flow always pass.
        return (true, ActivityReader.ExpressionText(expression.Value) ?? "");
    }

    public void ReadDefaults(ProcessGraph graph)
    {
        foreach (var (nodeId, element) in graph.NodeElements)
        {
            var flowId = ReadContext.Ref(element, "default");
            if (flowId is null || graph.Rejected.Contains(flowId)) continue;
            var node = graph.NodesById[nodeId];
            if (!graph.FlowsById.TryGetValue(flowId, out var flow))
            {
                if (context.Resolve(element, "default", flowId, "choose one of its outgoing flows") is { } other)
                    context.Error(BpmnCodes.InvalidReference, element, $"names {ReadContext.Describe(other)} as its default flow, which is not a sequence flow of this process: choose one of its outgoing flows.");
            }
            else if (!ReferenceEquals(flow.Source, node))
                context.Error(BpmnCodes.InvalidReference, element, $"names {flow} as its default flow, but that flow leaves {flow.Source.Describe()}: choose one of its own outgoing flows.");
            else
                SetDefault(element, node, flow);
        }
    }

    private void SetDefault(XElement element, FlowNode node, SequenceFlow flow)
    {
        switch (node)
        {
            case ParallelGateway:
                context.Error(BpmnCodes.InvalidReference, element, "names a default flow, but a parallel gateway takes every flow: remove the default.");
                return;
            case Gateway gateway: gateway.DefaultFlow = flow; break;
            case Activity activity: activity.DefaultFlow = flow; break;
            default:
                context.Error(BpmnCodes.InvalidReference, element, "names a default flow, which only gateways and activities may have: remove it.");
                return;
        }
        flow.IsDefault = true;
    }
}
