using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Expressions;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Execution;

/// <summary>
/// The variables seen from one scope: an optional overlay (a task's submitted data while its output mappings
/// run), then the locals of each enclosing scope (innermost first), then the multi-instance counters, then the
/// instance's variables.
/// </summary>
internal sealed class TokenVariables(StepContext context, int scopeId, JsonObject? overlay) : IVariableScope
{
    public bool TryGet(string name, out JsonNode? value)
    {
        if (overlay is not null && overlay.TryGetPropertyValue(name, out value)) return true;
        foreach (var scope in Chain())
        {
            if (scope.Locals is { } locals && locals.TryGetPropertyValue(name, out value)) return true;
            if (scope.Kind == ScopeKind.MultiInstance && TryGetCounter(scope, name, out value)) return true;
        }
        return context.State.Variables.TryGetPropertyValue(name, out value);
    }

    public IEnumerable<string> Names
    {
        get
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            if (overlay is not null) names.UnionWith(overlay.Select(p => p.Key));
            foreach (var scope in Chain())
            {
                if (scope.Locals is { } locals) names.UnionWith(locals.Select(p => p.Key));
                if (scope.Kind == ScopeKind.MultiInstance) names.UnionWith(CounterNames);
            }
            names.UnionWith(context.State.Variables.Select(p => p.Key));
            return names;
        }
    }

    private static readonly string[] CounterNames = ["nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances"];

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

    private IEnumerable<ScopeInstance> Chain()
    {
        var scopes = context.State.Scopes;
        for (var scope = scopes.Find(s => s.Id == scopeId); scope is not null;
             scope = scope.ParentScopeId is { } parent ? scopes.Find(s => s.Id == parent) : null)
        {
            yield return scope;
        }
    }
}
