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
                $"The {what} '{value}' gave '{text}', which is not an ISO 8601 duration such as P3D, PT24H or P5WD (working days).");
    }

    /// <summary>The target's list (as mapped so far in this step, else as the variables hold it) with the value added.</summary>
    private static JsonArray Appended(StepContext context, int scopeId, JsonObject mappedSoFar, string target, JsonNode? value)
    {
        var current = mappedSoFar.TryGetPropertyValue(target, out var mapped)
            ? mapped
            : context.VariablesOfScope(scopeId).TryGet(target, out var held) ? held : null;
        var list = current switch
        {
            null => new JsonArray(),
            JsonArray array => (JsonArray)array.DeepClone(),
            _ => throw new StepFailure(IncidentCodes.BadValue, context.CurrentElementId,
                $"The output '{target}' adds to a list, but the variable holds {current.ToJsonString()}."),
        };
        list.Add(value);
        return list;
    }

    /// <summary>Evaluates mappings in order; each later one sees the earlier ones' targets, then the source data.</summary>
    public static JsonObject EvaluateMappings(StepContext context, IReadOnlyList<IoMapping> mappings, int scopeId, JsonObject? source)
    {
        var result = new JsonObject();
        var variables = new TokenVariables(context, scopeId, overlay: result, underlay: source);
        foreach (var mapping in mappings)
        {
            // A value straight from the evaluator is new and unshared; one read from the variables must be copied.
            var value = Evaluate(context, mapping.Source, variables);
            value = value?.Parent is null ? value : value.DeepClone();
            result[mapping.Target] = mapping.Append ? Appended(context, scopeId, result, mapping.Target, value) : value;
        }
        return result;
    }
}
