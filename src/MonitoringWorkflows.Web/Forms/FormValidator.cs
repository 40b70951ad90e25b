using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MonitoringWorkflows.Web.Forms;

/// <summary>
/// Checks data submitted for a form against the form's schema, as the browser's form-js would and more: required
/// fields, value types, options, lengths and ranges, and no field the form does not have. The last rule is what keeps
/// a member from writing variables their step's form does not offer. A field hidden by its condition is neither
/// required nor passed on: form-js does not submit hidden fields, so a value for one is dropped.
/// </summary>
public static class FormValidator
{
    /// <summary>No text value is longer than this, whatever the form says: the step's data go into the process state.</summary>
    public const int TextCap = 10_000;

    /// <summary>The largest body a completion may send.</summary>
    public const int MaxPayloadBytes = 256 * 1024;

    public static FormCheck Check(FormSchema schema, JsonObject submitted)
    {
        var errors = new List<FieldError>();
        var accepted = new JsonObject();
        foreach (var (key, _) in submitted)
            if (schema.Field(key) is null) errors.Add(new FieldError(key, FieldProblem.Unknown));
        foreach (var field in schema.Fields)
        {
            if (field.HideWhen?.IsTrue(submitted) == true) continue;
            var value = submitted[field.Key];
            if (IsEmpty(value))
            {
                if (field.Required) errors.Add(new FieldError(field.Key, FieldProblem.Required));
                else if (value is not null) accepted[field.Key] = value.DeepClone();
                continue;
            }
            var before = errors.Count;
            FieldChecks.Check(field, value!, errors);
            if (errors.Count == before) accepted[field.Key] = value!.DeepClone();
        }
        return new FormCheck(accepted, errors);
    }

    // form-js submits an untouched text field as "" and an unselected select as null; a checkbox is never empty.
    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonValue text when text.GetValueKind() == JsonValueKind.String => text.GetValue<string>().Length == 0,
        JsonArray list => list.Count == 0,
        _ => false,
    };
}

/// <summary>The checks of one field by its type.</summary>
internal static class FieldChecks
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd"];
    private static readonly string[] TimeFormats = ["HH:mm", "HH:mmzzz", "HH:mm'Z'"];
    private static readonly string[] LocalDateTimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    public static void Check(FormField field, JsonNode value, List<FieldError> errors)
    {
        switch (field.Type)
        {
            case "textfield" or "textarea": Text(field, value, errors); break;
            case "number": Number(field, value, errors); break;
            case "checkbox":
                if (Kind(value) is not (JsonValueKind.True or JsonValueKind.False)) errors.Add(new(field.Key, FieldProblem.NotBoolean));
                break;
            case "radio" or "select": Option(field, value, errors); break;
            case "checklist" or "taglist": List(field, value, errors); break;
            case "datetime":
                if (!IsDate(field.Subtype, value)) errors.Add(new(field.Key, FieldProblem.NotDate));
                break;
            default: throw new FormSchemaException($"No check for the field type '{field.Type}'.");
        }
    }

    private static void Text(FormField field, JsonNode value, List<FieldError> errors)
    {
        if (StringOf(value) is not { } text) { errors.Add(new(field.Key, FieldProblem.NotText)); return; }
        if (text.Length > FormValidator.TextCap) errors.Add(new(field.Key, FieldProblem.TooLongForAnyField, FormValidator.TextCap));
        else if (field.MaxLength is { } max && text.Length > max) errors.Add(new(field.Key, FieldProblem.TooLong, max));
        if (field.MinLength is { } min && text.Length < min) errors.Add(new(field.Key, FieldProblem.TooShort, min));
    }

    private static void Number(FormField field, JsonNode value, List<FieldError> errors)
    {
        decimal number;
        if (Kind(value) == JsonValueKind.Number && value.AsValue().TryGetValue(out decimal parsed)) number = parsed;
        else if (StringOf(value) is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out parsed)) number = parsed;
        else { errors.Add(new(field.Key, FieldProblem.NotNumber)); return; }
        if (field.DecimalDigits is 0 && number != decimal.Truncate(number)) errors.Add(new(field.Key, FieldProblem.NotWholeNumber));
        if (field.Min is { } min && number < min) errors.Add(new(field.Key, FieldProblem.BelowMin, min));
        if (field.Max is { } max && number > max) errors.Add(new(field.Key, FieldProblem.AboveMax, max));
    }

    private static void Option(FormField field, JsonNode value, List<FieldError> errors)
    {
        if (StringOf(value) is not { } text) errors.Add(new(field.Key, FieldProblem.NotText));
        else if (field.Options is { } options && !options.Contains(text)) errors.Add(new(field.Key, FieldProblem.NotOption));
    }

    private static void List(FormField field, JsonNode value, List<FieldError> errors)
    {
        if (value is not JsonArray list || list.Any(item => StringOf(item) is null)) { errors.Add(new(field.Key, FieldProblem.NotList)); return; }
        var items = list.Select(item => StringOf(item)!).ToList();
        if (field.Options is { } options && items.Any(item => !options.Contains(item))) errors.Add(new(field.Key, FieldProblem.NotOption));
        else if (items.Any(item => item.Length > FormValidator.TextCap)) errors.Add(new(field.Key, FieldProblem.TooLongForAnyField, FormValidator.TextCap));
        if (items.Distinct().Count() != items.Count) errors.Add(new(field.Key, FieldProblem.Repeated));
    }

    // form-js writes dates as 2026-01-15, times as 10:30 (with an offset or Z when asked), date-times as ISO 8601.
    private static bool IsDate(string? subtype, JsonNode value)
    {
        if (StringOf(value) is not { } text) return false;
        var invariant = CultureInfo.InvariantCulture;
        return subtype switch
        {
            "time" => DateTimeOffset.TryParseExact(text, TimeFormats, invariant, DateTimeStyles.AssumeUniversal, out _),
            "datetime" => DateTime.TryParseExact(text, LocalDateTimeFormats, invariant, DateTimeStyles.None, out _)
                || (text.Contains('T') && DateTimeOffset.TryParse(text, invariant, DateTimeStyles.None, out _)
                    && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T'))),
            _ => DateOnly.TryParseExact(text, DateFormats, invariant, DateTimeStyles.None, out _),
        };
    }

    private static JsonValueKind Kind(JsonNode value) => value.GetValueKind();

    private static string? StringOf(JsonNode? value) =>
        value is JsonValue text && text.GetValueKind() == JsonValueKind.String ? text.GetValue<string>() : null;
}
