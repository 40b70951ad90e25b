using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Tests.Support;
using static MonitoringWorkflows.Engine.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Engine.Tests.Execution;

public class ProcessExecutorTests
{
    private static readonly string OneTask = Process($"""
        <bpmn:startEvent id="Start" />{UserTask("Task")}<bpmn:endEvent id="End" />
        {Flow("f0", "Start", "Task")}{Flow("f1", "Task", "End")}
        """);

    [Fact]
    public void Step_Succeeds_LeavesTheGivenTokensAndScopesAsTheyWereAndHandsOverTheVariables()
    {
        var instance = TestInstance.Start(OneTask, new JsonObject { ["a"] = 1 });
        var before = instance.State;
        var tokensBefore = System.Text.Json.JsonSerializer.Serialize(before.Tokens);

        instance.Complete("Task", new JsonObject { ["a"] = 2 });

        Assert.Equal(tokensBefore, System.Text.Json.JsonSerializer.Serialize(before.Tokens));
        Assert.NotSame(before, instance.State);
        Assert.Same(before.Variables, instance.State.Variables);
        Assert.Equal(2, instance.Variable("a")!.GetValue<int>());
    }

    [Fact]
    public void Step_FailsAfterWritingVariables_LeavesTheGivenStateExactlyAsItWas()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" />{UserTask("Screen")}<bpmn:exclusiveGateway id="Route" />{UserTask("High")}
            {Flow("f0", "Start", "Screen")}{Flow("f1", "Screen", "Route")}{Flow("toHigh", "Route", "High", "level == 'high'")}
            """);
        var instance = TestInstance.Start(xml, new JsonObject { ["level"] = "low" });
        var snapshot = System.Text.Json.JsonSerializer.Serialize(instance.State);

        var result = instance.Complete("Screen", new JsonObject { ["level"] = "medium", ["note"] = "x" });

        Assert.NotNull(result.Incident);
        Assert.Equal(snapshot, System.Text.Json.JsonSerializer.Serialize(instance.State));
    }

    [Fact]
    public void Step_JournalsStartEntriesFlowsAndCompletionWithTheActor()
    {
        var instance = TestInstance.Start(OneTask);

        instance.Complete("Task", actor: "police.member");

        var kinds = instance.Effects.OfType<JournalEntry>().Select(e => (e.Kind, e.ElementId)).ToList();
        Assert.Equal((JournalKind.InstanceStarted, "Process_1"), kinds[0]);
        Assert.Contains((JournalKind.FlowTaken, "f0"), kinds);
        Assert.Contains((JournalKind.ElementCompleted, "Task"), kinds);
        Assert.Equal((JournalKind.InstanceCompleted, "Process_1"), kinds[^1]);
        Assert.Contains(instance.Effects.OfType<UserTaskCompleted>(), c => c.Actor == "police.member");
    }

    [Fact]
    public void Step_TriggerAfterTheInstanceEnded_IsIgnoredAndJournaled()
    {
        var instance = TestInstance.Start(OneTask);
        var taskId = instance.Task("Task").TaskId;
        instance.Apply(new CompleteTask(taskId));

        var result = instance.Apply(new FireTimer(99));

        Assert.True(result.Succeeded);
        Assert.Equal(JournalKind.TriggerIgnored, Assert.Single(result.Effects.OfType<JournalEntry>()).Kind);
    }

    [Fact]
    public void Step_StartTwice_IsRejected()
    {
        var instance = TestInstance.Start(OneTask);

        var result = instance.Apply(new StartInstance());

        Assert.Equal("START001", result.Rejection!.Code);
    }

    [Fact]
    public void Step_LoopWithoutWaitState_IsStoppedAsAnIncident()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" /><bpmn:exclusiveGateway id="Again" /><bpmn:manualTask id="Spin" />
            {Flow("f0", "Start", "Again")}{Flow("f1", "Again", "Spin")}{Flow("f2", "Spin", "Again")}
            """);

        var instance = TestInstance.Start(xml);

        Assert.Equal("FLOW003", instance.LastResult!.Incident!.Code);
    }

    [Fact]
    public void Step_ScriptThatNeverEnds_BecomesAnIncident()
    {
        var xml = Process("""
            <bpmn:startEvent id="Start" /><bpmn:scriptTask id="Spin"><bpmn:script>while (true) { }</bpmn:script></bpmn:scriptTask>
            """ + Flow("f0", "Start", "Spin"));

        var instance = TestInstance.Start(xml);

        Assert.Equal("EXPR003", instance.LastResult!.Incident!.Code);
        Assert.Equal("Spin", instance.LastResult.Incident.ElementId);
    }

    [Fact]
    public void Step_AfterAnIncident_RetryWithFixedDataSucceeds()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" />{UserTask("Screen")}<bpmn:exclusiveGateway id="Route" />{UserTask("High")}{UserTask("Low")}
            {Flow("f0", "Start", "Screen")}{Flow("f1", "Screen", "Route")}
            {Flow("toHigh", "Route", "High", "level == 'high'")}{Flow("toLow", "Route", "Low", "level == 'low'")}
            """);
        var instance = TestInstance.Start(xml);
        var taskId = instance.Task("Screen").TaskId;

        Assert.NotNull(instance.Apply(new CompleteTask(taskId, new JsonObject { ["level"] = "unknown" })).Incident);
        var retry = instance.Apply(new CompleteTask(taskId, new JsonObject { ["level"] = "low" }));

        Assert.True(retry.Succeeded);
        Assert.Equal(["Low"], instance.OpenTasks.Select(t => t.ElementId));
    }
}
