using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Expressions;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Execution;

/// <summary>
/// The variables seen from one scope: optional overlays (while output mappings run: the values mapped so far, then
/// the task's submitted data), then the locals of each enclosing scope (innermost first), then the multi-instance counters, then the
/// instance's variables. The scope chain is resolved once, since expressions look names up many times.
/// </summary>
internal sealed class TokenVariables : IVariableScope
{
    private static readonly string[] CounterNames = ["nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances"];

    private readonly StepContext context;
    private readonly JsonObject? overlay;
    private readonly JsonObject? underlay;
    private readonly ScopeInstance[] chain;

    /// <param name="overlay">Seen first (mapping results so far).</param>
    /// <param name="underlay">Seen next, before the scopes (the data a mapping maps from).</param>
    public TokenVariables(StepContext context, int scopeId, JsonObject? overlay, JsonObject? underlay = null)
    {
        this.context = context;
        this.overlay = overlay;
        this.underlay = underlay;
        chain = ResolveChain(context.State.Scopes, scopeId);
    }

    public bool TryGet(string name, out JsonNode? value)
    {
        if (overlay is not null && overlay.TryGetPropertyValue(name, out value)) return true;
        if (underlay is not null && underlay.TryGetPropertyValue(name, out value)) return true;
        foreach (var scope in chain)
        {
            if (scope.Locals is { } locals && locals.TryGetPropertyValue(name, out value)) return true;
            if (scope.Kind == ScopeKind.MultiInstance && TryGetCounter(scope, name, out value)) return true;
        }
        return context.PendingVariables.TryGetValue(name, out value) || context.State.Variables.TryGetPropertyValue(name, out value);
    }

    public IEnumerable<string> Names
    {
        get
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            if (overlay is not null) names.UnionWith(overlay.Select(p => p.Key));
            if (underlay is not null) names.UnionWith(underlay.Select(p => p.Key));
            foreach (var scope in chain)
            {
                if (scope.Locals is { } locals) names.UnionWith(locals.Select(p => p.Key));
                if (scope.Kind == ScopeKind.MultiInstance) names.UnionWith(CounterNames);
            }
            names.UnionWith(context.PendingVariables.Keys);
            names.UnionWith(context.State.Variables.Select(p => p.Key));
            return names;
        }
    }

    private static bool TryGetCounter(ScopeInstance scope, string name, out JsonNode? value)
    {
        value = name switch
        {
            "nrOfInstances" => JsonValue.Create(scope.NrOfInstances),
            "nrOfActiveInstances" => JsonValue.Create(scope.NrOfActiveInstances),
            "nrOfCompletedInstances" => JsonValue.Create(scope.NrOfCompletedInstances),
            _ => null,
        };
        return value is not null;
    }

    /// <summary>The scope and its ancestors, innermost first; the process scope holds no locals and is left out.</summary>
    private static ScopeInstance[] ResolveChain(List<ScopeInstance> scopes, int scopeId)
    {
        if (scopeId == InstanceState.ProcessScopeId) return [];
        var chain = new List<ScopeInstance>(4);
        for (int? id = scopeId; id is { } current && current != InstanceState.ProcessScopeId;)
        {
            var scope = Lookup(scopes, current);
            if (scope is null) break;
            chain.Add(scope);
            id = scope.ParentScopeId;
        }
        return chain.ToArray();
    }

    private static ScopeInstance? Lookup(List<ScopeInstance> scopes, int id)
    {
        foreach (var scope in scopes)
            if (scope.Id == id) return scope;
        return null;
    }
}
