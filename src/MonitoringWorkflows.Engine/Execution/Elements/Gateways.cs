using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Execution.Elements;

/// <summary>Exclusive gateway: merges without waiting; splits to the first flow whose condition holds, else the default.</summary>
internal static class ExclusiveGatewayBehaviour
{
    public static void Enter(StepContext context, Token token, ExclusiveGateway gateway)
    {
        var chosen = Flow.ChooseFlows(context, token, gateway, gateway.DefaultFlow, firstOnly: true);
        if (chosen.Count == 0)
            throw new StepFailure(IncidentCodes.NoRoute, gateway.Id,
                $"{gateway.Describe()}: no condition of its outgoing flows is true and it has no default flow.");
        Flow.Take(context, token, chosen[0]);
    }
}

/// <summary>Parallel gateway: joins when a token has arrived on every incoming flow, then splits to every outgoing flow.</summary>
internal static class ParallelGatewayBehaviour
{
    public static void Enter(StepContext context, Token token, ParallelGateway gateway)
    {
        if (gateway.Incoming.Count > 1)
        {
            token.Phase = TokenPhase.Joining;
            var arrived = Joins.OnePerIncomingFlow(context, gateway, token.ScopeId);
            if (arrived.Count < gateway.Incoming.Count) return;
            token = Joins.Merge(context, arrived);
        }
        if (gateway.Outgoing.Count == 0) Flow.Consume(context, token);
        else Flow.TakeAll(context, token, gateway.Outgoing);
    }
}

/// <summary>
/// Inclusive gateway: splits to every flow whose condition holds (the default only when none does). Joins when
/// every incoming flow either has a token or can no longer get one from any token of the scope.
/// </summary>
internal static class InclusiveGatewayBehaviour
{
    public static void Enter(StepContext context, Token token, InclusiveGateway gateway)
    {
        if (gateway.Incoming.Count > 1)
        {
            // The step loop decides when the join fires (see TryFireJoin), once no other token can move.
            token.Phase = TokenPhase.Joining;
            return;
        }
        Split(context, token, gateway);
    }

    /// <summary>Fires the join if it is ready; returns whether it fired.</summary>
    public static bool TryFireJoin(StepContext context, InclusiveGateway gateway, int scopeId)
    {
        var arrived = Joins.OnePerIncomingFlow(context, gateway, scopeId);
        if (arrived.Count == 0) return false;
        var sources = context.Definition.InclusiveJoinSources(gateway);
        foreach (var flow in gateway.Incoming)
        {
            if (arrived.Exists(t => t.ArrivedVia == flow.Id)) continue;
            var stillComing = context.State.Tokens.Exists(t => t.ScopeId == scopeId && t.ElementId != gateway.Id
                && sources[flow.Id].Contains(t.ElementId));
            if (stillComing) return false;
        }
        Split(context, Joins.Merge(context, arrived), gateway);
        return true;
    }

    private static void Split(StepContext context, Token token, InclusiveGateway gateway)
    {
        if (gateway.Outgoing.Count == 0)
        {
            Flow.Consume(context, token);
            return;
        }
        var chosen = Flow.ChooseFlows(context, token, gateway, gateway.DefaultFlow, firstOnly: false);
        if (chosen.Count == 0)
            throw new StepFailure(IncidentCodes.NoRoute, gateway.Id,
                $"{gateway.Describe()}: no condition of its outgoing flows is true and it has no default flow.");
        Flow.TakeAll(context, token, chosen);
    }
}

/// <summary>Token bookkeeping shared by the joining gateways.</summary>
internal static class Joins
{
    /// <summary>The earliest token waiting at the gateway on each incoming flow (later ones wait for the next round).</summary>
    public static List<Token> OnePerIncomingFlow(StepContext context, Gateway gateway, int scopeId)
    {
        var result = new List<Token>(gateway.Incoming.Count);
        foreach (var flow in gateway.Incoming)
        {
            var token = context.State.Tokens.Find(t => t.ScopeId == scopeId && t.ElementId == gateway.Id
                && t.Phase == TokenPhase.Joining && t.ArrivedVia == flow.Id);
            if (token is not null) result.Add(token);
        }
        return result;
    }

    /// <summary>Consumes the arrived tokens but one, which goes on.</summary>
    public static Token Merge(StepContext context, List<Token> arrived)
    {
        for (var i = 1; i < arrived.Count; i++) context.State.Tokens.Remove(arrived[i]);
        var survivor = arrived[0];
        survivor.Phase = TokenPhase.Ready;
        return survivor;
    }
}
