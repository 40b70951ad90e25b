namespace MonitoringWorkflows.Engine.Model;

/// <summary>A node of a process graph: an event, an activity or a gateway.</summary>
public abstract class FlowNode
{
    private readonly List<SequenceFlow> incoming = [];
    private readonly List<SequenceFlow> outgoing = [];

    public required string Id { get; init; }
    public string? Name { get; init; }

    /// <summary>The BPMN element name as written in XML (<c>userTask</c>, <c>exclusiveGateway</c>…), for messages.</summary>
    public abstract string BpmnType { get; }

    /// <summary>The sub-process that contains this node, or null when it sits directly in the process.</summary>
    public SubProcess? Parent { get; internal set; }

    public IReadOnlyList<SequenceFlow> Incoming => incoming;
    public IReadOnlyList<SequenceFlow> Outgoing => outgoing;

    internal void AddIncoming(SequenceFlow flow) => incoming.Add(flow);
    internal void AddOutgoing(SequenceFlow flow) => outgoing.Add(flow);

    public string Describe() => $"{BpmnType} '{Id}'";

    public override string ToString() => Describe();
}

/// <summary>A sequence flow between two nodes of the same container.</summary>
public sealed class SequenceFlow
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required FlowNode Source { get; init; }
    public required FlowNode Target { get; init; }

    /// <summary>A JavaScript condition over the variables; null for an unconditional flow.</summary>
    public string? Condition { get; init; }

    /// <summary>True when the source gateway or activity names this flow as its default.</summary>
    public bool IsDefault { get; internal set; }

    public override string ToString() => $"sequenceFlow '{Id}'";
}
