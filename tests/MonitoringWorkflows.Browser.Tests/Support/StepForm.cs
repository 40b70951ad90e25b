using System.Text.Json.Nodes;

namespace MonitoringWorkflows.Browser.Tests.Support;

/// <summary>
/// A step's form-js schema as the repository ships it (workflows/forms/{key}.form.json): the labels a person reads on
/// the step page, found from the answer codes a test speaks in, and the component ids form-js builds its DOM ids from.
/// </summary>
public sealed class StepForm
{
    private readonly Dictionary<string, JsonObject> byKey = [];

    private StepForm(JsonObject schema) => Collect(schema["components"] as JsonArray ?? []);

    public static StepForm Load(string formKey) => new(JsonNode.Parse(
        File.ReadAllText(Path.Combine(Repository.WorkflowsFolder, "forms", formKey + ".form.json"))) as JsonObject
        ?? throw new InvalidOperationException($"{formKey}.form.json is not a JSON object."));

    /// <summary>The field's own label, e.g. of a single checkbox.</summary>
    public string Label(string key) => Field(key)["label"]!.GetValue<string>();

    /// <summary>The component id (e.g. Field_referralStatus) that ends the DOM id of the field's input.</summary>
    public string ComponentId(string key) => Field(key)["id"]!.GetValue<string>();

    /// <summary>The label of one option of a checklist or select.</summary>
    public string OptionLabel(string key, string value) =>
        (Field(key)["values"] as JsonArray ?? []).OfType<JsonObject>()
            .Single(option => option["value"]!.GetValue<string>() == value)["label"]!.GetValue<string>();

    private JsonObject Field(string key) => byKey.TryGetValue(key, out var field)
        ? field : throw new InvalidOperationException($"The form has no field with key '{key}'.");

    private void Collect(JsonArray components)
    {
        foreach (var component in components.OfType<JsonObject>())
        {
            if (component["key"] is JsonValue key) byKey[key.GetValue<string>()] = component;
            if (component["components"] is JsonArray children) Collect(children);
        }
    }
}
