using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Tests.Support;
using static MonitoringWorkflows.Engine.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Engine.Tests.Execution.Elements;

public class CallActivityTests
{
    private static string Caller(string mappings = "") => Process($"""
        <bpmn:startEvent id="Start" />
        <bpmn:callActivity id="Measures" calledElement="protectiveMeasures">
          <bpmn:extensionElements>{mappings}</bpmn:extensionElements>
        </bpmn:callActivity>
        <bpmn:boundaryEvent id="Refused" attachedToRef="Measures"><bpmn:errorEventDefinition errorRef="Err" /></bpmn:boundaryEvent>
        {RoleTask("Close", "Chair")}{RoleTask("Handle", "Chair")}
        {Flow("f0", "Start", "Measures")}{Flow("f1", "Measures", "Close")}{Flow("f2", "Refused", "Handle")}
        """, extraDefinitions: """<bpmn:error id="Err" errorCode="NO_CONSENT" />""");

    private static readonly JsonObject CaseData = new() { ["caseId"] = "C-1", ["victimName"] = "Leyla" };

    [Fact]
    public void Entered_WithoutInputMappings_AsksTheHostToStartTheChildWithAllVariables()
    {
        var instance = TestInstance.Start(Caller(), CaseData);

        var started = Assert.Single(instance.Effects.OfType<CalledProcessStarted>());
        Assert.Equal("protectiveMeasures", started.ProcessId);
        Assert.Equal("Leyla", started.Variables["victimName"]!.GetValue<string>());
    }

    [Fact]
    public void Entered_WithInputMappings_PassesOnlyThose()
    {
        var instance = TestInstance.Start(Caller("""<mw:input target="caseId" source="=caseId" />"""), CaseData);

        var started = Assert.Single(instance.Effects.OfType<CalledProcessStarted>());
        Assert.Equal(["caseId"], started.Variables.Select(p => p.Key));
    }

    [Fact]
    public void ChildCompleted_WithoutOutputMappings_ReturnsNothingToTheParent()
    {
        var instance = TestInstance.Start(Caller(), CaseData);
        var tokenId = instance.Effects.OfType<CalledProcessStarted>().Single().TokenId;

        instance.Apply(new CompleteCalledProcess(tokenId, new JsonObject { ["orderIssued"] = true }));

        Assert.False(instance.State.Variables.ContainsKey("orderIssued"));
        Assert.Equal(["Close"], instance.OpenTasks.Select(t => t.ElementId));
    }

    [Fact]
    public void ChildCompleted_WithOutputMappings_ReturnsTheMappedValues()
    {
        var instance = TestInstance.Start(Caller("""<mw:output target="protectionOrderIssued" source="=orderIssued" />"""), CaseData);
        var tokenId = instance.Effects.OfType<CalledProcessStarted>().Single().TokenId;

        instance.Apply(new CompleteCalledProcess(tokenId, new JsonObject { ["orderIssued"] = true, ["other"] = 1 }));

        Assert.True(instance.Variable("protectionOrderIssued")!.GetValue<bool>());
        Assert.False(instance.State.Variables.ContainsKey("other"));
    }

    [Fact]
    public void ChildFailedWithAnError_IsCaughtByTheCallActivitysBoundary()
    {
        var instance = TestInstance.Start(Caller(), CaseData);
        var tokenId = instance.Effects.OfType<CalledProcessStarted>().Single().TokenId;

        instance.Apply(new FailCalledProcess(tokenId, "NO_CONSENT"));

        Assert.Equal(["Handle"], instance.OpenTasks.Select(t => t.ElementId));
        Assert.DoesNotContain(instance.Effects, e => e is CalledProcessCancelled);
    }

    [Fact]
    public void CancelInstance_CancelsTheChild()
    {
        var instance = TestInstance.Start(Caller(), CaseData);

        instance.Apply(new CancelInstance("duplicate report") { Actor = "admin" });

        Assert.Contains(instance.Effects, e => e is CalledProcessCancelled { ElementId: "Measures" });
        Assert.Equal(InstanceStatus.Cancelled, instance.State.Status);
        Assert.Contains(instance.Effects, e => e is JournalEntry { Kind: JournalKind.InstanceCancelled, Actor: "admin", Detail: "duplicate report" });
    }
}
