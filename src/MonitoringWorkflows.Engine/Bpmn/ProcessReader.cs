using System.Xml.Linq;
using MonitoringWorkflows.Engine.Model;

namespace MonitoringWorkflows.Engine.Bpmn;

/// <summary>
/// Reads one <c>process</c> into a graph: every child of the process and of its sub-processes is either built,
/// ignored because it does not execute (lanes, data, annotations), or reported. Nothing is skipped silently.
/// </summary>
internal sealed class ProcessReader
{
    private readonly ReadContext context;
    private readonly EventReader events;
    private readonly ActivityReader activities;
    private readonly SequenceFlowReader flows;

    public ProcessReader(ReadContext context)
    {
        this.context = context;
        var definitions = new EventDefinitionReader(context);
        events = new EventReader(context, definitions);
        activities = new ActivityReader(context, definitions);
        flows = new SequenceFlowReader(context);
    }

    public ProcessGraph? Read(XElement process)
    {
        if (BpmnNames.Id(process) is not { Length: > 0 } id)
        {
            context.Error(BpmnCodes.MissingRequiredPart, process, "has no id: give the process an id (it is how call activities and cases name it).");
            return null;
        }
        var graph = new ProcessGraph(process, id);
        ReadContainer(graph, process, id, parent: null);
        foreach (var (element, containerId, parent) in graph.PendingBoundaries) ReadBoundary(graph, element, containerId, parent);
        foreach (var (element, containerId, _) in graph.PendingFlows) flows.Read(graph, element, containerId);
        flows.ReadDefaults(graph);
        return graph;
    }

    private void ReadContainer(ProcessGraph graph, XElement container, string containerId, SubProcess? parent)
    {
        foreach (var child in container.Elements())
        {
            if (child.Name.Namespace != BpmnNames.Model)
            {
                // Another tool's namespace is its own business; an element in no namespace is a mistake.
                if (child.Name.Namespace == XNamespace.None)
                    context.Error(BpmnCodes.UnknownElement, child, $"is not a BPMN element (it has no namespace): remove it from {ReadContext.Describe(container)}.");
                continue;
            }
            var name = child.Name.LocalName;
            if (BpmnNames.IgnoredInContainer.Contains(name) || (parent is not null && BpmnNames.ActivityParts.Contains(name))) continue;
            if (name != "sequenceFlow" && !BpmnNames.IsFlowNode(name))
            {
                context.Error(BpmnCodes.UnknownElement, child, $"is not allowed in {ReadContext.Describe(container)}: remove it.");
                continue;
            }
            if (BpmnNames.Id(child) is not { Length: > 0 } id)
            {
                context.Error(BpmnCodes.MissingRequiredPart, child, "has no id: give it a unique id.");
                continue;
            }
            if (!graph.ContainerOf.TryAdd(id, containerId)) continue; // a duplicate id, already reported
            ReadChild(graph, child, id, containerId, parent);
        }
    }

    private void ReadChild(ProcessGraph graph, XElement child, string id, string containerId, SubProcess? parent)
    {
        var name = child.Name.LocalName;
        if (name == "sequenceFlow") { graph.PendingFlows.Add((child, containerId, parent)); return; }
        if (name == "boundaryEvent") { graph.PendingBoundaries.Add((child, containerId, parent)); return; }
        var node = BpmnNames.UnsupportedFlowNodes.Contains(name) ? Unsupported(child) : Node(child, id);
        if (node is null) { graph.Rejected.Add(id); return; }
        graph.Add(node, child, parent);
        if (node is SubProcess subProcess) ReadContainer(graph, child, id, subProcess);
    }

    private FlowNode? Node(XElement element, string id) => element.Name.LocalName switch
    {
        "startEvent" => events.Start(element, id),
        "endEvent" => events.End(element, id),
        "intermediateThrowEvent" => events.Throw(element, id),
        "intermediateCatchEvent" => events.Catch(element, id),
        "exclusiveGateway" => new ExclusiveGateway { Id = id, Name = (string?)element.Attribute("name") },
        "parallelGateway" => new ParallelGateway { Id = id, Name = (string?)element.Attribute("name") },
        "inclusiveGateway" => new InclusiveGateway { Id = id, Name = (string?)element.Attribute("name") },
        _ => activities.Read(element, id),
    };

    private FlowNode? Unsupported(XElement element)
    {
        var remedy = element.Name.LocalName switch
        {
            "sendTask" => "use a service task with mw:action=\"notify\"",
            "businessRuleTask" => "use a script task or an exclusive gateway with conditions",
            "eventBasedGateway" => "use an activity with timer and message boundary events",
            "complexGateway" => "use exclusive, parallel or inclusive gateways",
            "transaction" => "use an embedded sub-process",
            "adHocSubProcess" => "use an embedded sub-process with a parallel gateway",
            _ => "remove it",
        };
        context.Error(BpmnCodes.UnsupportedElement, element, $"is not supported by the engine: {remedy}.");
        return null;
    }

    private void ReadBoundary(ProcessGraph graph, XElement element, string containerId, SubProcess? parent)
    {
        var id = BpmnNames.Id(element)!;
        var attachedToRef = ReadContext.Ref(element, "attachedToRef");
        var attachedTo = attachedToRef is null ? null : flows.EndOf(graph, element, "attachedToRef", attachedToRef, containerId);
        if (attachedToRef is null)
            context.Error(BpmnCodes.MissingRequiredPart, element, "is attached to no activity (attachedToRef is missing): attach it to a task or sub-process.");
        else if (attachedTo is not null and not Activity)
            context.Error(BpmnCodes.InvalidReference, element, $"is attached to {attachedTo.Describe()}, which is not an activity: attach it to a task or sub-process.");
        var node = attachedTo is Activity activity ? events.Boundary(element, id, activity) : null;
        if (node is null) { graph.Rejected.Add(id); return; }
        graph.Add(node, element, parent);
    }
}
