using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Model;

namespace MonitoringWorkflows.Engine.Validation;

/// <summary>Conditions and defaults: a gateway must always be able to choose, and no condition may be written in vain.</summary>
internal static class FlowRules
{
    public static void Check(ProcessDefinition process, List<BpmnDiagnostic> diagnostics)
    {
        foreach (var flow in process.AllFlows)
        {
            if (flow.IsDefault && flow.Condition is not null)
                diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.DefaultFlowWithCondition, flow,
                    $"is the default flow of {flow.Source.Describe()} and has a condition, which is never evaluated: remove the condition or make it a conditional flow."));
            if (flow.Condition is not null && flow.Source is ParallelGateway or StartEvent or IntermediateCatchEvent or IntermediateThrowEvent or BoundaryEvent)
                diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.ConditionIgnored, flow,
                    $"has a condition, but it leaves {flow.Source.Describe()}, which takes every outgoing flow: remove the condition, or put an exclusive gateway before it."));
        }
        foreach (var gateway in process.AllNodes.Where(n => n is ExclusiveGateway or InclusiveGateway && n.Outgoing.Count > 1))
        {
            foreach (var flow in gateway.Outgoing.Where(f => f.Condition is null && !f.IsDefault))
                diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.FlowWithoutCondition, flow,
                    $"leaves {gateway.Describe()} without a condition and is not its default flow, so the gateway cannot decide when to take it: add a condition or make it the default flow."));
        }
    }
}
