using System.Globalization;
using System.Text.Json.Nodes;

namespace MonitoringWorkflows.Web.Forms;

/// <summary>A form-js schema that cannot be checked on the server (malformed, or a component or condition we do not support).</summary>
public sealed class FormSchemaException(string message) : Exception(message);

/// <summary>One field of a form that submits a value under <see cref="Key"/>, with the checks its schema asks for.</summary>
public sealed record FormField(
    string Key,
    string Type,
    bool Required,
    IReadOnlyList<string>? Options,
    int? MinLength,
    int? MaxLength,
    decimal? Min,
    decimal? Max,
    int? DecimalDigits,
    string? Subtype,
    FeelCondition? HideWhen);

/// <summary>
/// The fields of a form-js schema, read for checking what a browser submits. Components without a key (text, spacer,
/// separator, image) submit nothing and are left out; groups without a data path are flattened. An unknown component
/// type with a key fails closed: a field the server cannot check must not let anything through.
/// </summary>
public sealed class FormSchema
{
    /// <summary>The component types that submit a value, as form-js names them.</summary>
    public static readonly IReadOnlySet<string> FieldTypes = new HashSet<string>(
        ["textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "taglist", "datetime"]);

    private static readonly IReadOnlySet<string> WithoutValue = new HashSet<string>(
        ["text", "spacer", "separator", "image", "html", "button"]);

    private FormSchema(IReadOnlyList<FormField> fields) =>
        Fields = fields;

    public IReadOnlyList<FormField> Fields { get; }

    /// <summary>A step without a form: it takes no data at all.</summary>
    public static FormSchema Empty { get; } = new([]);

    public FormField? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);

    public static FormSchema Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new FormSchemaException($"The form schema is not JSON: {exception.Message}");
        }
        if (root?["components"] is not JsonArray components) throw new FormSchemaException("The form schema has no components.");
        var fields = new List<FormField>();
        Collect(components, fields);
        return new FormSchema(fields);
    }

    private static void Collect(JsonArray components, List<FormField> fields)
    {
        foreach (var component in components.OfType<JsonObject>())
        {
            var type = Text(component, "type") ?? throw new FormSchemaException("A form component has no type.");
            if (type == "group" && component["components"] is JsonArray children && Text(component, "path") is null)
            {
                if (component["conditional"] is not null)
                    throw new FormSchemaException("A conditionally hidden group is not supported.");
                Collect(children, fields);
            }
            else if (FieldTypes.Contains(type) && Text(component, "key") is { } key)
                fields.Add(Field(component, type, key));
            else if (!WithoutValue.Contains(type))
                throw new FormSchemaException($"The form component type '{type}' is not supported on the server.");
        }
    }

    private static FormField Field(JsonObject component, string type, string key)
    {
        var validate = component["validate"] as JsonObject;
        var hide = component["conditional"]?["hide"] is JsonValue value && value.TryGetValue<string>(out var expression)
            ? FeelCondition.Parse(expression)
            : null;
        if (component["valuesKey"] is not null || component["valuesExpression"] is not null)
            throw new FormSchemaException($"Field '{key}': options from data are not supported on the server.");
        var options = component["values"] is JsonArray values
            ? values.Select(v => v?["value"]?.ToString() ?? throw new FormSchemaException($"Field '{key}': an option has no value."))
                .ToList()
            : null;
        return new FormField(key, type, Bool(validate, "required"), options,
            Int(validate, "minLength"), Int(validate, "maxLength"), Number(validate, "min"), Number(validate, "max"),
            Int(component, "decimalDigits"), Text(component, "subtype"), hide);
    }

    private static string? Text(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool Bool(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static int? Int(JsonObject? node, string name) => Number(node, name) is { } number ? (int)number : null;

    private static decimal? Number(JsonObject? node, string name) => node?[name] switch
    {
        JsonValue value when value.TryGetValue<decimal>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text)
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
