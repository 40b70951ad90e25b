using System.Xml.Linq;
using MonitoringWorkflows.Engine.Model;

namespace MonitoringWorkflows.Engine.Bpmn;

/// <summary>One process while it is being read: the nodes and flows built so far and where each element sits.</summary>
internal sealed class ProcessGraph(XElement process, string id)
{
    public XElement Process { get; } = process;
    public string Id { get; } = id;

    /// <summary>Nodes in document order, boundary events after the nodes of the containers.</summary>
    public List<FlowNode> Nodes { get; } = [];
    public List<SequenceFlow> Flows { get; } = [];
    public Dictionary<string, FlowNode> NodesById { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, XElement> NodeElements { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SequenceFlow> FlowsById { get; } = new(StringComparer.Ordinal);

    /// <summary>For every flow element of this process (read, rejected or pending): the id of its container.</summary>
    public Dictionary<string, string> ContainerOf { get; } = new(StringComparer.Ordinal);

    /// <summary>Flow elements already reported as errors: references to them are not reported again.</summary>
    public HashSet<string> Rejected { get; } = new(StringComparer.Ordinal);

    /// <summary>Sequence flows and boundary events, read once every node of every container exists.</summary>
    public List<(XElement Element, string ContainerId, SubProcess? Parent)> PendingFlows { get; } = [];
    public List<(XElement Element, string ContainerId, SubProcess? Parent)> PendingBoundaries { get; } = [];

    public void Add(FlowNode node, XElement element, SubProcess? parent)
    {
        node.Parent = parent;
        Nodes.Add(node);
        NodesById[node.Id] = node;
        NodeElements[node.Id] = element;
    }

    public void Add(SequenceFlow flow)
    {
        Flows.Add(flow);
        FlowsById[flow.Id] = flow;
    }

    public ProcessDefinition Build() =>
        ProcessDefinition.Build(Id, (string?)Process.Attribute("name"),
            string.Equals(((string?)Process.Attribute("isExecutable"))?.Trim(), "true", StringComparison.Ordinal), Nodes, Flows);
}
