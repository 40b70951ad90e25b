using System.Text.Json;
using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Expressions;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Time;

namespace MonitoringWorkflows.Engine.Execution;

/// <summary>Turns the values written in a definition (literals or <c>=expressions</c>) into values at run time.</summary>
internal static class Values
{
    public static JsonNode? Evaluate(StepContext context, ValueExpression value, IVariableScope variables) =>
        value.IsExpression ? context.Expressions.Evaluate(value.Text, variables) : JsonValue.Create(value.Text);

    public static string? EvaluateText(StepContext context, ValueExpression? value, IVariableScope variables, string what)
    {
        if (value is null) return null;
        var result = Evaluate(context, value, variables);
        return result switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
            _ => throw new StepFailure(IncidentCodes.BadValue, context.CurrentElementId,
                $"The {what} '{value}' gave {result.ToJsonString()}, expected a text."),
        };
    }

    public static Iso8601Duration EvaluateDuration(StepContext context, ValueExpression value, IVariableScope variables, string what)
    {
        var text = EvaluateText(context, value, variables, what);
        return Iso8601.TryParseDuration(text, out var duration)
            ? duration
            : throw new StepFailure(IncidentCodes.BadTimer, context.CurrentElementId,
                $"The {what} '{value}' gave '{text}', which is not an ISO 8601 duration such as P3D or PT24H.");
    }

    /// <summary>Evaluates mappings in order; each later one sees the earlier ones' targets.</summary>
    public static JsonObject EvaluateMappings(StepContext context, IReadOnlyList<IoMapping> mappings, int scopeId, JsonObject? source)
    {
        var result = new JsonObject();
        foreach (var mapping in mappings)
        {
            var overlay = source is null ? result : Merge(source, result);
            result[mapping.Target] = Evaluate(context, mapping.Source, context.VariablesOfScope(scopeId, overlay))?.DeepClone();
        }
        return result;
    }

    private static JsonObject Merge(JsonObject first, JsonObject second)
    {
        var merged = (JsonObject)first.DeepClone();
        foreach (var (name, value) in second) merged[name] = value?.DeepClone();
        return merged;
    }
}
