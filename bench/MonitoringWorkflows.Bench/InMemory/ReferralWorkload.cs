using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Actions;
using MonitoringWorkflows.Engine.Execution;
using MonitoringWorkflows.Engine.Expressions;

namespace MonitoringWorkflows.Bench.InMemory;

/// <summary>
/// The main referral process end to end, in memory: the default workflows, the scenario's data, and an in-memory
/// host that takes the routes in turn (high, medium, low).
/// </summary>
internal sealed class ReferralWorkload
{
    public ReferralWorkload(CallActivityMode calls, IExpressionEvaluator? evaluator = null)
    {
        Scenario = Scenario.Load(Path.Combine(RepositoryLayout.Scenarios, "referral.json"));
        Library = ProcessLibrary.FromFiles(Directory.EnumerateFiles(RepositoryLayout.Workflows, "*.bpmn").Order(StringComparer.Ordinal));
        var executor = new ProcessExecutor(evaluator ?? new JintExpressionEvaluator(), BuiltInActions.Registry());
        Host = new InMemoryHost(executor, Library, Scenario, calls);
        Calls = calls;
    }

    public Scenario Scenario { get; }
    public ProcessLibrary Library { get; }
    public InMemoryHost Host { get; }
    public CallActivityMode Calls { get; }

    /// <summary>Runs one instance of the main process on the route with this index (routes taken in turn).</summary>
    public void RunOne(long index) => RunRoute(Scenario.Routes[(int)(index % Scenario.Routes.Count)]);

    public void RunRoute(ScenarioRoute route) => Host.Run(Scenario.Process, route.Start.DeepClone().AsObject(), route);

    /// <summary>The main instance's variables at its end, by route, from the last <see cref="Verify"/>.</summary>
    public Dictionary<string, JsonObject> FinalVariables { get; } = [];

    /// <summary>Runs each route once and checks it passed the elements it must; returns one line per route.</summary>
    public IReadOnlyList<string> Verify()
    {
        var lines = new List<string>();
        foreach (var route in Scenario.Routes)
        {
            Host.Passed = new HashSet<string>(StringComparer.Ordinal);
            var steps = Host.Steps;
            FinalVariables[route.Name] = Host.Run(Scenario.Process, route.Start.DeepClone().AsObject(), route).Variables;
            var missing = route.MustComplete.Where(id => !Host.Passed.Contains(id)).ToList();
            if (missing.Count > 0)
                throw new InvalidOperationException($"Route '{route.Name}' did not complete {string.Join(", ", missing)}.");
            lines.Add($"{route.Name}: {Host.Steps - steps} steps (triggers), {Host.Passed.Count} distinct elements passed, passed {string.Join(", ", route.MustComplete)}");
        }
        Host.Passed = null;
        return lines;
    }
}
