using System.Collections.Concurrent;

namespace MonitoringWorkflows.Engine.Model;

/// <summary>Something that holds flow nodes: the process itself or an embedded sub-process.</summary>
public interface IFlowContainer
{
    string Id { get; }
    IReadOnlyList<FlowNode> Nodes { get; }
    StartEvent? NoneStart { get; }
}

/// <summary>
/// An immutable, executable view of one BPMN <c>process</c>. The executor, the validator, the designer's
/// overlay and the monitor all read this one model.
/// </summary>
public sealed class ProcessDefinition : IFlowContainer
{
    private readonly Dictionary<string, FlowNode> nodesById;
    private readonly Dictionary<string, SequenceFlow> flowsById;
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, HashSet<string>>> inclusiveJoinSources = new();

    internal ProcessDefinition(string id, string? name, bool isExecutable, IReadOnlyList<FlowNode> topLevelNodes,
        IReadOnlyList<FlowNode> allNodes, IReadOnlyList<SequenceFlow> allFlows)
    {
        Id = id;
        Name = name;
        IsExecutable = isExecutable;
        Nodes = topLevelNodes;
        AllNodes = allNodes;
        AllFlows = allFlows;
        nodesById = allNodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        flowsById = allFlows.ToDictionary(f => f.Id, StringComparer.Ordinal);
    }

    public string Id { get; }
    public string? Name { get; }
    public bool IsExecutable { get; }

    /// <summary>The nodes directly in the process (not inside sub-processes).</summary>
    public IReadOnlyList<FlowNode> Nodes { get; }

    /// <summary>Every node, at every depth.</summary>
    public IReadOnlyList<FlowNode> AllNodes { get; }

    public IReadOnlyList<SequenceFlow> AllFlows { get; }

    public StartEvent? NoneStart => Nodes.OfType<StartEvent>().FirstOrDefault();

    public FlowNode Node(string id) =>
        nodesById.TryGetValue(id, out var node) ? node : throw new KeyNotFoundException($"The process '{Id}' has no element '{id}'.");

    public bool TryGetNode(string id, out FlowNode node) => nodesById.TryGetValue(id, out node!);

    public SequenceFlow Flow(string id) =>
        flowsById.TryGetValue(id, out var flow) ? flow : throw new KeyNotFoundException($"The process '{Id}' has no sequence flow '{id}'.");

    public bool TryGetFlow(string id, out SequenceFlow flow) => flowsById.TryGetValue(id, out flow!);

    /// <summary>The container a node lives in: its sub-process or the process.</summary>
    public IFlowContainer ContainerOf(FlowNode node) => node.Parent is { } parent ? parent : this;

    /// <summary>
    /// For an inclusive join: for each incoming flow, the ids of the nodes of the same container from which a
    /// token can still reach that flow without passing through the join. Computed once per join.
    /// </summary>
    internal IReadOnlyDictionary<string, HashSet<string>> InclusiveJoinSources(InclusiveGateway join) =>
        inclusiveJoinSources.GetOrAdd(join.Id, _ => Reachability.SourcesOfIncomingFlows(join));

    /// <summary>Wires the graph: flows into their nodes, boundary events onto activities, nodes into containers.</summary>
    internal static ProcessDefinition Build(string id, string? name, bool isExecutable,
        IReadOnlyList<FlowNode> allNodes, IReadOnlyList<SequenceFlow> allFlows)
    {
        foreach (var flow in allFlows)
        {
            flow.Source.AddOutgoing(flow);
            flow.Target.AddIncoming(flow);
        }
        foreach (var node in allNodes)
        {
            if (node is BoundaryEvent boundary) boundary.AttachedTo.AddBoundaryEvent(boundary);
            node.Parent?.AddNode(node);
        }
        var topLevel = allNodes.Where(n => n.Parent is null).ToList();
        return new ProcessDefinition(id, name, isExecutable, topLevel, allNodes, allFlows);
    }
}

/// <summary>A parsed BPMN file: its processes and what the reader noticed but could still read.</summary>
public sealed class BpmnDocument
{
    public required IReadOnlyList<ProcessDefinition> Processes { get; init; }

    /// <summary>Id of the <c>definitions</c> element, when it has one.</summary>
    public string? DefinitionsId { get; init; }

    public ProcessDefinition? Process(string id) => Processes.FirstOrDefault(p => p.Id == id);

    /// <summary>The process a new instance runs: the first executable one, else the first.</summary>
    public ProcessDefinition? MainProcess => Processes.FirstOrDefault(p => p.IsExecutable) ?? Processes.FirstOrDefault();
}
