namespace MonitoringWorkflows.Engine.Model;

/// <summary>A node that does work: tasks, sub-processes, call activities. Activities may carry boundary
/// events, multi-instance characteristics and input/output mappings.</summary>
public abstract class Activity : FlowNode
{
    private readonly List<BoundaryEvent> boundaryEvents = [];

    public IReadOnlyList<BoundaryEvent> BoundaryEvents => boundaryEvents;
    public MultiInstance? MultiInstance { get; init; }
    public IReadOnlyList<IoMapping> Inputs { get; init; } = [];
    public IReadOnlyList<IoMapping> Outputs { get; init; } = [];

    /// <summary>The outgoing flow taken when no conditional flow of this activity is true.</summary>
    public SequenceFlow? DefaultFlow { get; internal set; }

    internal void AddBoundaryEvent(BoundaryEvent boundary) => boundaryEvents.Add(boundary);
}

/// <summary>A step done by people: it opens an inbox item for an agency or a role.</summary>
public sealed class UserTask : Activity
{
    public override string BpmnType => "userTask";

    /// <summary>The agency the step goes to (for example <c>Police</c>, or <c>=agency</c> inside a multi-instance).</summary>
    public ValueExpression? Agency { get; init; }

    /// <summary>The role the step goes to (for example <c>Chair</c>), when it is not an agency's step.</summary>
    public ValueExpression? Role { get; init; }

    public string? FormKey { get; init; }

    /// <summary>How long the assignee has: an ISO 8601 duration or an expression giving one.</summary>
    public ValueExpression? DueIn { get; init; }
}

/// <summary>A built-in action run by the host's registry of actions.</summary>
public sealed class ServiceTask : Activity
{
    public override string BpmnType => "serviceTask";
    public string? Action { get; init; }
}

/// <summary>JavaScript run in the sandbox; the variables it assigns are kept when it completes.</summary>
public sealed class ScriptTask : Activity
{
    public override string BpmnType => "scriptTask";
    public string? ScriptFormat { get; init; }
    public string? Script { get; init; }
}

/// <summary>A manual task or an abstract <c>task</c>: it passes straight through.</summary>
public sealed class ManualTask : Activity
{
    public ManualTask(string bpmnType = "manualTask") => BpmnType = bpmnType;
    public override string BpmnType { get; }
}

/// <summary>A receive task: waits for a message, like an intermediate message catch.</summary>
public sealed class ReceiveTask : Activity
{
    public override string BpmnType => "receiveTask";
    public required string MessageName { get; init; }
}

/// <summary>An embedded sub-process: a scope of its own, started at its none start event.</summary>
public sealed class SubProcess : Activity, IFlowContainer
{
    private readonly List<FlowNode> nodes = [];

    public override string BpmnType => "subProcess";
    public IReadOnlyList<FlowNode> Nodes => nodes;
    public StartEvent? NoneStart => nodes.OfType<StartEvent>().FirstOrDefault();

    internal void AddNode(FlowNode node) => nodes.Add(node);
}

/// <summary>Starts the latest published version of another process as a child instance and waits for it.</summary>
public sealed class CallActivity : Activity
{
    public override string BpmnType => "callActivity";
    public required string CalledElement { get; init; }
}

/// <summary>Multi-instance characteristics of an activity.</summary>
public sealed class MultiInstance
{
    public bool IsSequential { get; init; }

    /// <summary>An expression giving the collection (an array); one body runs per element.</summary>
    public string? Collection { get; init; }

    /// <summary>The local variable that holds the current element in each body.</summary>
    public string? ElementVariable { get; init; }

    /// <summary>An expression giving the number of bodies, when there is no collection.</summary>
    public string? LoopCardinality { get; init; }

    /// <summary>When true after a body completes, the remaining bodies are cancelled.</summary>
    public string? CompletionCondition { get; init; }
}
