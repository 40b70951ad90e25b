using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Execution.Elements;

/// <summary>An embedded sub-process opens a scope of its own (its inputs become its locals) and starts at its none start event.</summary>
internal static class SubProcessBehaviour
{
    public static void Enter(StepContext context, Token token, SubProcess subProcess, JsonObject? inputs)
    {
        var startNodes = subProcess.StartNodes();
        if (startNodes.Count == 0)
            throw new StepFailure(IncidentCodes.NoStartEvent, subProcess.Id, $"{subProcess.Describe()} has no start event and no element to start at.");
        var scope = new ScopeInstance
        {
            Id = context.State.TakeId(),
            Kind = ScopeKind.SubProcess,
            ElementId = subProcess.Id,
            ParentScopeId = token.ScopeId,
            OwnerTokenId = token.Id,
            Locals = inputs,
        };
        context.State.Scopes.Add(scope);
        Activities.Wait(token, WaitKind.Scope);
        foreach (var node in startNodes) context.MakeReady(context.NewToken(node.Id, scope.Id));
    }
}
