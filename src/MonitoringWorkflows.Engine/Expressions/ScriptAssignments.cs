using System.Text.Json.Nodes;
using Jint;
using Jint.Native;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// What a script assigned: of the top-level names it could have set, those whose value now differs from the
/// variable's value before the script (or that are new). Functions and symbols are not variables and are
/// left out; a new name still undefined was declared but never given a value.
/// </summary>
internal static class ScriptAssignments
{
    public static IReadOnlyDictionary<string, JsonNode?> Collect(
        IVariableScope variables,
        IReadOnlyDictionary<string, JsonNode?> touched,
        IEnumerable<(string Name, JsValue Value)> candidates)
    {
        var assigned = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var considered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in candidates)
        {
            if (!considered.Add(name)) continue;
            var existed = touched.TryGetValue(name, out var before) || variables.TryGet(name, out before);
            if (!JsToJson.TryConvert(value, out var after))
            {
                if (value.IsUndefined() && existed && before is not null) assigned[name] = null;
                continue;
            }
            if (!existed || !JsonNode.DeepEquals(before, after)) assigned[name] = after;
        }
        return assigned;
    }
}
