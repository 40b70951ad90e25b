namespace MonitoringWorkflows.Engine.Model;

public sealed class StartEvent : FlowNode
{
    public override string BpmnType => "startEvent";
}

public enum EndEventKind { None, Terminate, Error }

public sealed class EndEvent : FlowNode
{
    public override string BpmnType => "endEvent";
    public EndEventKind Kind { get; init; }

    /// <summary>For an error end event: the error code thrown.</summary>
    public string? ErrorCode { get; init; }
}

/// <summary>An intermediate throw event without a definition: passes straight through.</summary>
public sealed class IntermediateThrowEvent : FlowNode
{
    public override string BpmnType => "intermediateThrowEvent";
}

/// <summary>Waits for a timer or a message.</summary>
public sealed class IntermediateCatchEvent : FlowNode
{
    public override string BpmnType => "intermediateCatchEvent";
    public required EventDefinition Definition { get; init; }
}

/// <summary>An event attached to an activity's boundary.</summary>
public sealed class BoundaryEvent : FlowNode
{
    public override string BpmnType => "boundaryEvent";
    public required Activity AttachedTo { get; init; }
    public bool CancelActivity { get; init; } = true;
    public required EventDefinition Definition { get; init; }
}

public abstract record EventDefinition;

public enum TimerKind { Duration, Date, Cycle }

/// <summary>A standard <c>timerEventDefinition</c>. The text may be an expression when written with a leading <c>=</c>.</summary>
public sealed record TimerDefinition(TimerKind Kind, ValueExpression Value) : EventDefinition;

/// <summary>A message, referred to by its name.</summary>
public sealed record MessageDefinition(string MessageName) : EventDefinition;

/// <summary>An error; a null code on a boundary event catches every error.</summary>
public sealed record ErrorDefinition(string? ErrorCode) : EventDefinition;
