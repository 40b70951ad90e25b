using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using JintEngine = Jint.Engine;
using Jint.Native;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// Copies a JSON variable into the engine as plain JavaScript values, node by node: no JSON text, no CLR
/// interop wrappers. A copy, so a script that changes it cannot change the instance's variables behind
/// the executor's back.
/// </summary>
internal static class JsonToJs
{
    /// <summary>Deeper than this is refused; variables read from stored JSON are never this deep.</summary>
    internal const int MaxDepth = 128;

    public static JsValue Convert(JintEngine engine, JsonNode? node, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw new ExpressionException(ExpressionErrors.WrongType,
                $"A variable is nested deeper than {MaxDepth} levels.");
        }
        return node switch
        {
            null => JsValue.Null,
            JsonObject obj => Object(engine, obj, depth),
            JsonArray array => Array(engine, array, depth),
            JsonValue value => Primitive(value),
            _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "Unknown JSON node."),
        };
    }

    private static JsObject Object(JintEngine engine, JsonObject source, int depth)
    {
        var target = new JsObject(engine);
        foreach (var (name, value) in source) target.FastSetDataProperty(name, Convert(engine, value, depth + 1));
        return target;
    }

    private static JsArray Array(JintEngine engine, JsonArray source, int depth)
    {
        var items = new JsValue[source.Count];
        for (var i = 0; i < items.Length; i++) items[i] = Convert(engine, source[i], depth + 1);
        return new JsArray(engine, items);
    }

    private static JsValue Primitive(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => JsString.Create(Text(value)),
        JsonValueKind.Number => JsNumber.Create(Number(value)),
        JsonValueKind.True => JsBoolean.True,
        JsonValueKind.False => JsBoolean.False,
        _ => JsValue.Null,
    };

    // A JsonValue holds whatever CLR value it was created from (string, DateTime, int, decimal...) or a
    // JsonElement; the fast path covers parsed JSON and the common CLR types, the text is the fallback.
    private static string Text(JsonValue value) =>
        value.TryGetValue<string>(out var text) ? text : JsonElement.Parse(value.ToJsonString()).GetString() ?? "";

    private static double Number(JsonValue value) =>
        value.TryGetValue<double>(out var number) ? number
        : value.TryGetValue<int>(out var whole) ? whole
        : value.TryGetValue<long>(out var big) ? big
        : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
