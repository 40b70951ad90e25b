using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Execution;

/// <summary>How tokens move along sequence flows, leave elements and end scopes.</summary>
internal static class Flow
{
    /// <summary>Moves the token along the flow to its target, where the step loop will enter it.</summary>
    public static void Take(StepContext context, Token token, SequenceFlow flow)
    {
        context.Journal(JournalKind.FlowTaken, flow.Id);
        token.ElementId = flow.Target.Id;
        token.ArrivedVia = flow.Id;
        context.MakeReady(token);
    }

    /// <summary>Sends one token down each flow: the given token down the first, new tokens down the rest.</summary>
    public static void TakeAll(StepContext context, Token token, IReadOnlyList<SequenceFlow> flows)
    {
        if (flows.Count == 1)
        {
            Take(context, token, flows[0]);
            return;
        }
        var sources = new Token[flows.Count];
        sources[0] = token;
        for (var i = 1; i < flows.Count; i++) sources[i] = context.NewToken(token.ElementId, token.ScopeId);
        for (var i = 0; i < flows.Count; i++) Take(context, sources[i], flows[i]);
    }

    /// <summary>
    /// Leaves an activity or event: every unconditional flow and every conditional flow whose condition holds;
    /// the default flow when none does; the token is consumed when there is no outgoing flow at all.
    /// </summary>
    public static void Leave(StepContext context, Token token, FlowNode node, SequenceFlow? defaultFlow = null)
    {
        if (node.Outgoing.Count == 0)
        {
            Consume(context, token);
            return;
        }
        if (node.Outgoing is [{ Condition: null } only] && !ReferenceEquals(only, defaultFlow))
        {
            // The common case, one plain flow out: nothing to choose.
            Take(context, token, only);
            return;
        }
        var chosen = ChooseFlows(context, token, node, defaultFlow, firstOnly: false);
        if (chosen.Count == 0)
            throw new StepFailure(IncidentCodes.NoRoute, node.Id,
                $"{node.Describe()}: no condition of its outgoing flows is true and it has no default flow.");
        TakeAll(context, token, chosen);
    }

    /// <summary>The flows whose condition holds (unconditional flows always do), in document order; the default only when none does.</summary>
    public static List<SequenceFlow> ChooseFlows(StepContext context, Token token, FlowNode node, SequenceFlow? defaultFlow, bool firstOnly)
    {
        var chosen = new List<SequenceFlow>(node.Outgoing.Count);
        TokenVariables? variables = null;
        foreach (var flow in node.Outgoing)
        {
            if (ReferenceEquals(flow, defaultFlow)) continue;
            if (flow.Condition is { } condition)
            {
                variables ??= context.VariablesOf(token);
                if (!context.Expressions.EvaluateCondition(condition, variables)) continue;
            }
            chosen.Add(flow);
            if (firstOnly) break;
        }
        if (chosen.Count == 0 && defaultFlow is not null) chosen.Add(defaultFlow);
        return chosen;
    }

    /// <summary>The token has nowhere further to go: it is removed, and its scope ends if it was the last.</summary>
    public static void Consume(StepContext context, Token token)
    {
        context.State.Tokens.Remove(token);
        CompleteScopeIfEmpty(context, token.ScopeId);
    }

    public static void CompleteScopeIfEmpty(StepContext context, int scopeId)
    {
        if (context.State.Tokens.Exists(t => t.ScopeId == scopeId)) return;
        var scope = context.Scope(scopeId);
        switch (scope.Kind)
        {
            case ScopeKind.Process:
                EndInstance(context);
                break;
            case ScopeKind.SubProcess:
                context.State.Scopes.Remove(scope);
                var owner = context.FindToken(scope.OwnerTokenId!.Value)!;
                // The sub-process's locals stay local unless its output mappings take them out.
                Activities.Complete(context, owner, scope.Locals, mergeResultWithoutMappings: false);
                break;
            default:
                throw new InvalidOperationException($"A {scope.Kind} scope cannot run out of tokens on its own.");
        }
    }

    private static void EndInstance(StepContext context)
    {
        var state = context.State;
        state.Scopes.Clear();
        state.Subscriptions.Clear();
        state.Status = context.ProcessTerminated ? InstanceStatus.Terminated : InstanceStatus.Completed;
        context.Journal(context.ProcessTerminated ? JournalKind.InstanceTerminated : JournalKind.InstanceCompleted, context.Definition.Id);
        context.Emit(new InstanceEnded(state.Status));
    }

    /// <summary>Variables an event's data brings (a message's payload), merged into the instance.</summary>
    public static void MergeData(StepContext context, Token token, JsonObject? data)
    {
        if (data is { Count: > 0 }) context.SetVariables(token.ScopeId, token.ElementId, data);
    }
}
