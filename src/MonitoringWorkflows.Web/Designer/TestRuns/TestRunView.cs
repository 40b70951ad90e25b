using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Web.Designer.TestRuns;

public sealed record TokenView(int Id, string ElementId, int ScopeId, string Phase, string Wait);

/// <summary>One instance of the run with its diagram, where its tokens are, what it passed, and its variables.</summary>
public sealed record SandboxInstanceView(int No, int? ParentNo, string ProcessKey, string Version, string Status, string BpmnXml,
    IReadOnlyList<string> Current, IReadOnlyList<string> Passed, IReadOnlyList<string> TakenFlows, IReadOnlyList<TokenView> Tokens, JsonObject Variables);

/// <summary>Everything the test run page shows.</summary>
public sealed record TestRunView(Guid Id, string Status, DateTimeOffset Now, DateTimeOffset CreatedAt,
    IReadOnlyList<SandboxInstanceView> Instances, IReadOnlyList<SandboxTask> OpenTasks, IReadOnlyList<SandboxTimer> Timers,
    IReadOnlyList<SandboxJournalLine> Journal, IReadOnlyList<RecordedAction> Actions, IReadOnlyList<SandboxIncident> Incidents,
    IReadOnlyDictionary<string, JsonNode> Forms)
{
    /// <param name="forms">The form-js schema of each form key the open tasks name (published forms only).</param>
    internal static TestRunView Of(TestRun run, IReadOnlyDictionary<string, JsonNode> forms) => new(run.Id, run.Main.State.Status.ToString(),
        run.Now, run.CreatedAt, run.Instances.Select(i => Instance(run, i)).ToList(), run.Tasks.ToList(), run.Timers.OrderBy(t => t.DueAt).ToList(),
        run.Journal.ToList(), run.Actions.ToList(), run.Incidents.ToList(), forms);

    private static SandboxInstanceView Instance(TestRun run, SandboxInstance instance)
    {
        var lines = run.Journal.Where(j => j.InstanceNo == instance.No && j.ElementId is not null).ToList();
        var flows = lines.Where(j => j.Kind == nameof(JournalKind.FlowTaken)).Select(j => j.ElementId!).Distinct().ToList();
        var current = instance.IsActive ? instance.State.Tokens.Select(t => t.ElementId).Distinct().ToList() : [];
        var passed = lines.Where(j => j.Kind is nameof(JournalKind.ElementEntered) or nameof(JournalKind.ElementCompleted))
            .Select(j => j.ElementId!).Distinct().Except(current).ToList();
        var tokens = instance.State.Tokens.Select(t => new TokenView(t.Id, t.ElementId, t.ScopeId, t.Phase.ToString(), t.Wait.ToString())).ToList();
        return new SandboxInstanceView(instance.No, instance.ParentNo, instance.ProcessKey, instance.Version, instance.State.Status.ToString(),
            instance.BpmnXml, current, passed, flows, tokens, (JsonObject)instance.State.Variables.DeepClone());
    }
}
