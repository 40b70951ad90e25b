using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Array;
using Jint.Native.Object;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// Whether a JavaScript value still equals the JSON it was converted from, without converting it back:
/// walks both at once, allocating nothing. It answers true only when <see cref="JsToJson"/> would give JSON
/// that <see cref="JsonNode.DeepEquals"/> finds equal; anything it is not sure of (a number with a
/// fraction, a date, a getter, undefined inside, an exotic object) answers false, and the caller converts
/// and compares as before.
/// </summary>
internal static class JsonComparison
{
    private const long LargestExactInteger = 1L << 53;

    public static bool Unchanged(JsValue value, JsonNode? before, int depth = 0)
    {
        if (depth >= JsToJson.MaxDepth) return false;
        return before switch
        {
            null => value.IsNull(),
            JsonArray array => value is JsArray js && SameArray(js, array, depth),
            JsonObject obj => value is JsObject js && SameObject(js, obj, depth),
            JsonValue primitive => SamePrimitive(value, primitive),
            _ => false,
        };
    }

    private static bool SameArray(ArrayInstance js, JsonArray array, int depth)
    {
        if (js.Get("length").AsNumber() != array.Count) return false;
        for (var i = 0; i < array.Count; i++)
        {
            if (!js.TryGetValue((uint)i, out var item) || !Unchanged(item, array[i], depth + 1)) return false;
        }
        return true;
    }

    private static bool SameObject(ObjectInstance js, JsonObject obj, int depth)
    {
        var keys = js.GetOwnPropertyKeys(Jint.Runtime.Types.String);
        if (keys.Count != obj.Count) return false;
        foreach (var key in keys)
        {
            var property = js.GetOwnProperty(key);
            if (!property.Enumerable || !property.IsDataDescriptor()) return false;
            if (!obj.TryGetPropertyValue(key.ToString(), out var before) || !Unchanged(property.Value, before, depth + 1)) return false;
        }
        return true;
    }

    private static bool SamePrimitive(JsValue value, JsonValue before)
    {
        switch (before.GetValueKind())
        {
            case JsonValueKind.True: return value.IsBoolean() && value.AsBoolean();
            case JsonValueKind.False: return value.IsBoolean() && !value.AsBoolean();
            case JsonValueKind.String:
                if (!value.IsString()) return false;
                var text = value.AsString();
                return before.TryGetValue<JsonElement>(out var element) ? element.ValueEquals(text)
                    : before.TryGetValue<string>(out var held) && held == text;
            case JsonValueKind.Number:
                // Whole numbers only: a fraction's text may hold more digits than a double keeps.
                return value.IsNumber() && before.TryGetValue<long>(out var whole)
                    && Math.Abs(whole) <= LargestExactInteger && value.AsNumber() == whole;
            default:
                return false;
        }
    }
}
