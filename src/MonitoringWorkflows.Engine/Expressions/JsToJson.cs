using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Array;
using Jint.Native.Object;
using Jint.Runtime;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// Turns a JavaScript result back into JSON, with JSON.stringify's rules: undefined, functions and symbols
/// are left out of objects and become null in arrays, NaN and Infinity become null, a Date becomes its ISO
/// 8601 text. Numbers come back as parsed JSON numbers, like the variables read from the database, so
/// <c>GetValue&lt;int&gt;()</c>, <c>GetValue&lt;double&gt;()</c> and the like all work on them.
/// </summary>
internal static class JsToJson
{
    /// <summary>Deeper than this is refused, which is also how a cyclic structure is caught.</summary>
    internal const int MaxDepth = 64;

    private const double LargestExactInteger = 9007199254740992d;
    private const double MinDateMs = -62135596800000d;
    private const double MaxDateMs = 253402300799999d;

    private static readonly object?[] SmallWholeNumbers = new object?[1024];

    /// <summary>Converts one value; returns false when it has no JSON form (undefined, a function, a symbol).</summary>
    public static bool TryConvert(JsValue value, out JsonNode? node) => TryConvert(value, 0, out node);

    private static bool TryConvert(JsValue value, int depth, out JsonNode? node)
    {
        node = null;
        switch (value.Type)
        {
            case Types.Null:
                return true;
            case Types.Boolean:
                node = JsonValue.Create(value.AsBoolean());
                return true;
            case Types.String:
                node = JsonValue.Create(value.AsString());
                return true;
            case Types.Number:
                node = Number(value.AsNumber());
                return true;
            case Types.BigInt:
                throw new ExpressionException(ExpressionErrors.WrongType,
                    "A BigInt cannot be stored as JSON; convert it with Number() or String() first.");
            case Types.Object when !value.IsCallable():
                node = Object((ObjectInstance)value, depth);
                return true;
            default:
                return false;
        }
    }

    private static JsonNode? Number(double number)
    {
        if (!double.IsFinite(number)) return null;
        var whole = number == Math.Floor(number) && Math.Abs(number) <= LargestExactInteger;
        if (whole && number >= 0 && number < SmallWholeNumbers.Length) return JsonValue.Create(SmallWholeNumber((int)number));
        Span<char> text = stackalloc char[32];
        var written = whole
            ? ((long)number).TryFormat(text, out var length, provider: CultureInfo.InvariantCulture)
            : number.TryFormat(text, out length, "R", CultureInfo.InvariantCulture);
        return written ? JsonValue.Create(JsonElement.Parse(text[..length])) : JsonValue.Create(number);
    }

    // Parsing a number allocates a whole document; the small whole numbers scripts mostly return (scores,
    // counts, days) are parsed once each and shared, which a JsonElement allows: it is read-only.
    private static JsonElement SmallWholeNumber(int number)
    {
        if (Volatile.Read(ref SmallWholeNumbers[number]) is JsonElement parsed) return parsed;
        parsed = JsonElement.Parse(number.ToString(CultureInfo.InvariantCulture));
        Volatile.Write(ref SmallWholeNumbers[number], parsed);
        return parsed;
    }

    private static JsonNode? Object(ObjectInstance obj, int depth)
    {
        if (depth >= MaxDepth)
        {
            throw new ExpressionException(ExpressionErrors.WrongType,
                $"The value is nested deeper than {MaxDepth} levels (does it refer to itself?).");
        }
        if (obj is JsDate date) return Date(date.DateValue);
        if (obj is ArrayInstance array) return Array(array, depth);

        var result = new JsonObject();
        foreach (var key in obj.GetOwnPropertyKeys(Types.String))
        {
            var property = obj.GetOwnProperty(key);
            if (!property.Enumerable) continue;
            // A plain object's data property holds its value; anything else is read as JSON.stringify reads it.
            var value = obj is JsObject && property.IsDataDescriptor() ? property.Value : obj.Get(key);
            if (TryConvert(value, depth + 1, out var node)) result[key.ToString()] = node;
        }
        return result;
    }

    private static JsonArray Array(ArrayInstance array, int depth)
    {
        var length = (uint)array.Get("length").AsNumber();
        var result = new JsonArray();
        for (uint i = 0; i < length; i++)
        {
            result.Add(TryConvert(array[i], depth + 1, out var node) ? node : null);
        }
        return result;
    }

    // An invalid date is null, as JSON.stringify has it; years past 9999 are outside what .NET can write.
    private static JsonNode? Date(double milliseconds) =>
        double.IsFinite(milliseconds) && milliseconds is >= MinDateMs and <= MaxDateMs
            ? JsonValue.Create(DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds)
                .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            : null;
}
