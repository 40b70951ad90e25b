using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Actions;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Tests.Support;

namespace MonitoringWorkflows.Engine.Tests.Workflows;

/// <summary>
/// What the scenario tests need on top of <see cref="TestInstance"/>: starting a default process from its file,
/// playing the host for call activities, and reading notifications and variables.
/// </summary>
internal static class Scenario
{
    public static TestInstance Start(string fileName, JsonObject variables, bool isCalledProcess = false)
    {
        var instance = TestInstance.Start(WorkflowFiles.Xml(fileName), variables, BuiltInActions.All, isCalledProcess);
        Succeeded(instance.LastResult!);
        return instance;
    }

    public static void Succeeded(StepResult result) =>
        Assert.True(result.Succeeded, result.Incident?.Message ?? result.Rejection?.Message);

    /// <summary>The open task of this element (of this agency, when a multi-instance has opened one per agency).</summary>
    public static UserTaskCreated OpenTask(this TestInstance instance, string elementId, string? agency = null) =>
        Assert.Single(instance.OpenTasks, t => t.ElementId == elementId && (agency is null || t.Agency == agency));

    /// <summary>Completes the open task of this element (of this agency, for a multi-instance) with the form's data.</summary>
    public static void Finish(this TestInstance instance, string elementId, JsonObject data, string? agency = null) =>
        Succeeded(instance.Apply(new CompleteTask(instance.OpenTask(elementId, agency).TaskId, data) { Actor = "tester" }));

    public static IReadOnlyList<JsonObject> Notifications(this TestInstance instance) =>
        instance.Effects.OfType<OutboxMessage>().Where(m => m.Kind == "notification").Select(m => m.Payload).ToList();

    /// <summary>The elements entered, in order (end events are entered, not completed).</summary>
    public static IReadOnlyList<string> Entered(this TestInstance instance) =>
        instance.Effects.OfType<JournalEntry>().Where(e => e.Kind == JournalKind.ElementEntered).Select(e => e.ElementId!).ToList();

    public static string? Text(this TestInstance instance, string name) => instance.Variable(name)?.GetValue<string>();

    /// <summary>Plays the host: starts the process a call activity asked for, as a child, with the variables it passed.</summary>
    public static TestInstance StartCalled(this TestInstance parent, string callActivityId)
    {
        var call = parent.Effects.OfType<CalledProcessStarted>().Last(e => e.ElementId == callActivityId);
        var child = Start(WorkflowFiles.FileOfProcess(call.ProcessId), call.Variables, isCalledProcess: true);
        child.Now = parent.Now;
        return child;
    }

    /// <summary>Plays the host: the child has ended, so its call activity in the parent completes with the child's variables.</summary>
    public static void FinishCalled(this TestInstance parent, string callActivityId, TestInstance child)
    {
        Assert.Equal(InstanceStatus.Completed, child.State.Status);
        var call = parent.Effects.OfType<CalledProcessStarted>().Last(e => e.ElementId == callActivityId);
        Succeeded(parent.Apply(new CompleteCalledProcess(call.TokenId, child.State.Variables)));
    }

    public static JsonArray Array(params string[] values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
