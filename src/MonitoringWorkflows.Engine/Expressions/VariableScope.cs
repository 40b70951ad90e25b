using System.Text.Json.Nodes;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// A plain <see cref="IVariableScope"/>: the names of one JSON object, in front of an optional parent scope
/// (a multi-instance body's locals in front of the instance's variables, for example).
/// </summary>
public sealed class VariableScope(JsonObject variables, IVariableScope? parent = null) : IVariableScope
{
    /// <summary>A scope with no variables at all.</summary>
    public static VariableScope Empty => new([]);

    /// <summary>A scope over a JSON object text, such as <c>{"score": 15}</c>.</summary>
    public static VariableScope FromJson(string json) =>
        new(JsonNode.Parse(json) as JsonObject
            ?? throw new ArgumentException("Variables must be a JSON object.", nameof(json)));

    /// <summary>A new scope whose <paramref name="locals"/> hide the same names in this one.</summary>
    public VariableScope WithLocals(JsonObject locals) => new(locals, this);

    public bool TryGet(string name, out JsonNode? value) =>
        variables.TryGetPropertyValue(name, out value)
        || (parent is not null && parent.TryGet(name, out value));

    public IEnumerable<string> Names =>
        parent is null
            ? variables.Select(p => p.Key)
            : variables.Select(p => p.Key).Concat(parent.Names).Distinct(StringComparer.Ordinal);
}
