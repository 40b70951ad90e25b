using System.Text.Json.Nodes;

namespace MonitoringWorkflows.Bench.InMemory;

/// <summary>One way through the main process: its start variables, its own form answers and what it must pass.</summary>
internal sealed record ScenarioRoute(string Name, JsonObject Start, JsonObject Forms, IReadOnlyList<string> MustComplete);

/// <summary>
/// The realistic data both engines use (bench/scenarios/*.json): start variables per route, the data each form
/// submits (by form key), the messages a case receives and what called processes give back when they are skipped.
/// </summary>
internal sealed class Scenario
{
    private readonly JsonObject forms;
    private readonly JsonObject messages;
    private readonly JsonObject calledProcessResults;

    private Scenario(JsonObject root)
    {
        Process = root["process"]!.GetValue<string>();
        Routes = root["routes"]!.AsArray().Select(r => new ScenarioRoute(
            r!["name"]!.GetValue<string>(), r["start"]!.AsObject(), r["forms"]!.AsObject(),
            r["mustComplete"]!.AsArray().Select(e => e!.GetValue<string>()).ToList())).ToList();
        forms = root["forms"]!.AsObject();
        messages = root["messages"]!.AsObject();
        calledProcessResults = root["calledProcessResults"]!.AsObject();
    }

    /// <summary>The main process's id.</summary>
    public string Process { get; }

    public IReadOnlyList<ScenarioRoute> Routes { get; private set; }

    /// <summary>No data at all: tasks complete with nothing, for files that need none (the conformance corpus).</summary>
    public static Scenario Empty() => new(new JsonObject
    {
        ["process"] = "",
        ["routes"] = new JsonArray(new JsonObject { ["name"] = "none", ["start"] = new JsonObject(), ["forms"] = new JsonObject(), ["mustComplete"] = new JsonArray() }),
        ["forms"] = new JsonObject(), ["messages"] = new JsonObject(), ["calledProcessResults"] = new JsonObject(),
    });

    public static Scenario Load(string path) => new(JsonNode.Parse(File.ReadAllText(path))!.AsObject());

    /// <summary>Keeps only the named routes (all of them when <paramref name="names"/> is null).</summary>
    public void KeepRoutes(string? names)
    {
        if (names is null) return;
        var wanted = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = wanted.Except(Routes.Select(r => r.Name)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"No route named {string.Join(", ", unknown)} in the scenario.");
        Routes = Routes.Where(r => wanted.Contains(r.Name)).ToList();
    }

    /// <summary>The data a form submits: the route's own answers for it, else the common ones, else nothing.</summary>
    public JsonObject? FormData(ScenarioRoute route, string? formKey)
    {
        if (formKey is null) return null;
        var data = route.Forms[formKey] ?? forms[formKey];
        return data?.DeepClone().AsObject();
    }

    public JsonObject? MessageData(string messageName) => messages[messageName]?.DeepClone().AsObject();

    public JsonObject CalledProcessResult(string processId) =>
        calledProcessResults[processId]?.DeepClone().AsObject() ?? [];
}
