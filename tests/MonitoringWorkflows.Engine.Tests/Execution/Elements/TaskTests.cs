using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Actions;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Tests.Support;
using static MonitoringWorkflows.Engine.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Engine.Tests.Execution.Elements;

public class TaskTests
{
    private sealed class ScoreAction : IServiceAction
    {
        public string Name => "score";
        public string Description => "Adds one to the score";
        public IReadOnlyList<string> Parameters => ["base"];
        public ServiceActionResult Execute(ServiceActionContext context) => new(
            new JsonObject { ["score"] = context.Inputs["base"]!.GetValue<long>() + 1 },
            [new OutboxMessage("notification", context.ElementId, new JsonObject { ["to"] = "Chair" })]);
    }

    private sealed class FailingAction(Exception failure) : IServiceAction
    {
        public string Name => "fail";
        public string Description => "Always fails";
        public IReadOnlyList<string> Parameters => [];
        public ServiceActionResult Execute(ServiceActionContext context) => throw failure;
    }

    private static string Single(string task) => Process($"""
        <bpmn:startEvent id="Start" />{task}<bpmn:endEvent id="End" />
        {Flow("f0", "Start", "Task")}{Flow("f1", "Task", "End")}
        """);

    [Fact]
    public void UserTask_Entered_OpensInboxItemWithAgencyFormDueDateAndInputs()
    {
        var task = UserTask("Task", "=agency", """mw:formKey="referral-response" mw:dueIn="=level == 'high' ? 'PT24H' : 'P3D'" """,
            """<bpmn:extensionElements><mw:input target="caseNumber" source="=caseNumber" /></bpmn:extensionElements>""");

        var instance = TestInstance.Start(Single(task), new JsonObject { ["agency"] = "Health", ["level"] = "high", ["caseNumber"] = "AB-2026-7" });

        var created = instance.Task("Task");
        Assert.Equal("Health", created.Agency);
        Assert.Equal("referral-response", created.FormKey);
        Assert.Equal(instance.Now.AddHours(24), created.DueAt);
        Assert.Equal("AB-2026-7", created.Input!["caseNumber"]!.GetValue<string>());
    }

    [Fact]
    public void UserTask_CompletedWithoutOutputMappings_MergesSubmittedData()
    {
        var instance = TestInstance.Start(Single(UserTask("Task")));

        instance.Complete("Task", new JsonObject { ["status"] = "accepted" });

        Assert.Equal("accepted", instance.Variable("status")!.GetValue<string>());
        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
    }

    [Fact]
    public void UserTask_CompletedWithOutputMappings_KeepsOnlyMappedValues()
    {
        var task = UserTask("Task", body: """<bpmn:extensionElements><mw:output target="referralStatus" source="=status.toUpperCase()" /></bpmn:extensionElements>""");
        var instance = TestInstance.Start(Single(task));

        instance.Complete("Task", new JsonObject { ["status"] = "declined", ["reason"] = "not ours" });

        Assert.Equal("DECLINED", instance.Variable("referralStatus")!.GetValue<string>());
        Assert.False(instance.State.Variables.ContainsKey("status"));
        Assert.False(instance.State.Variables.ContainsKey("reason"));
    }

    [Fact]
    public void UserTask_CompletedTwice_SecondIsIgnoredAndJournaled()
    {
        var instance = TestInstance.Start(Single(UserTask("Task")));
        var taskId = instance.Task("Task").TaskId;
        instance.Apply(new CompleteTask(taskId));

        var second = instance.Apply(new CompleteTask(taskId));

        Assert.True(second.Succeeded);
        Assert.Contains(second.Effects, e => e is JournalEntry { Kind: JournalKind.TriggerIgnored });
        Assert.Single(instance.Effects.OfType<UserTaskCompleted>());
    }

    [Fact]
    public void ServiceTask_RunsItsActionWithInputsAndKeepsOutputsAndOutbox()
    {
        var task = """<bpmn:serviceTask id="Task" mw:action="score"><bpmn:extensionElements><mw:input target="base" source="=41" /></bpmn:extensionElements></bpmn:serviceTask>""";

        var instance = TestInstance.Start(Single(task), actions: [new ScoreAction()]);

        Assert.Equal(42, instance.Variable("score")!.GetValue<long>());
        Assert.Contains(instance.Effects, e => e is OutboxMessage { Kind: "notification", ElementId: "Task" });
        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
    }

    [Fact]
    public void ServiceTask_ActionThrows_RaisesIncidentNamingTheAction()
    {
        var instance = TestInstance.Start(Single("""<bpmn:serviceTask id="Task" mw:action="fail" />"""),
            actions: [new FailingAction(new InvalidOperationException("mail server down"))]);

        Assert.Equal("ACTION002", instance.LastResult!.Incident!.Code);
        Assert.Contains("mail server down", instance.LastResult.Incident.Message);
    }

    [Fact]
    public void ServiceTask_UnknownAction_RaisesIncident()
    {
        var instance = TestInstance.Start(Single("""<bpmn:serviceTask id="Task" mw:action="nothingLikeThis" />"""));

        Assert.Equal("ACTION001", instance.LastResult!.Incident!.Code);
        Assert.Equal("Task", instance.LastResult.Incident.ElementId);
    }

    [Fact]
    public void ScriptTask_KeepsWhatTheScriptAssigns_AndSeesItsInputs()
    {
        var task = """
            <bpmn:scriptTask id="Task" scriptFormat="javascript">
              <bpmn:extensionElements><mw:input target="threshold" source="14" /></bpmn:extensionElements>
              <bpmn:script>var score = answers.filter(function (a) { return a; }).length; var level = score >= Number(threshold) ? 'high' : 'low';</bpmn:script>
            </bpmn:scriptTask>
            """;
        var answers = new JsonArray(Enumerable.Range(0, 24).Select(i => (JsonNode?)JsonValue.Create(i < 15)).ToArray());

        var instance = TestInstance.Start(Single(task), new JsonObject { ["answers"] = answers });

        Assert.Equal(15, instance.Variable("score")!.GetValue<long>());
        Assert.Equal("high", instance.Variable("level")!.GetValue<string>());
        Assert.False(instance.State.Variables.ContainsKey("threshold"));
    }

    [Fact]
    public void ScriptTask_ScriptThrows_KeepsNothingAndRaisesIncident()
    {
        var task = """<bpmn:scriptTask id="Task"><bpmn:script>var level = 'high'; throw new Error('bad data');</bpmn:script></bpmn:scriptTask>""";

        var instance = TestInstance.Start(Single(task));

        Assert.Equal("EXPR002", instance.LastResult!.Incident!.Code);
        Assert.False(instance.State.Variables.ContainsKey("level"));
    }

    [Fact]
    public void ManualTaskAndPlainTask_PassStraightThrough()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" /><bpmn:manualTask id="Manual" /><bpmn:task id="Plain" /><bpmn:endEvent id="End" />
            {Flow("f0", "Start", "Manual")}{Flow("f1", "Manual", "Plain")}{Flow("f2", "Plain", "End")}
            """);

        var instance = TestInstance.Start(xml);

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        Assert.Equal(["Manual", "Plain"], instance.Completed);
    }
}
