namespace MonitoringWorkflows.Engine.Model;

public abstract class Gateway : FlowNode
{
    /// <summary>The flow taken when no condition is true (exclusive and inclusive gateways).</summary>
    public SequenceFlow? DefaultFlow { get; internal set; }
}

public sealed class ExclusiveGateway : Gateway
{
    public override string BpmnType => "exclusiveGateway";
}

public sealed class ParallelGateway : Gateway
{
    public override string BpmnType => "parallelGateway";
}

public sealed class InclusiveGateway : Gateway
{
    public override string BpmnType => "inclusiveGateway";
}
