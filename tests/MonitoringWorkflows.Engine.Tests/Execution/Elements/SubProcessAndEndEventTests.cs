using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Tests.Support;
using static MonitoringWorkflows.Engine.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Engine.Tests.Execution.Elements;

public class SubProcessAndEndEventTests
{
    private static string WithSubProcess(string inside, string subProcessAttributes = "") => Process($"""
        <bpmn:startEvent id="Start" />
        <bpmn:subProcess id="Sub" {subProcessAttributes}>
          {inside}
        </bpmn:subProcess>
        {UserTask("After")}
        {Flow("f0", "Start", "Sub")}{Flow("f1", "Sub", "After")}
        """);

    [Fact]
    public void SubProcess_RunsItsOwnScopeAndContinuesWhenItsLastTokenEnds()
    {
        var instance = TestInstance.Start(WithSubProcess($"""
            <bpmn:startEvent id="SubStart" />{UserTask("Inner")}<bpmn:endEvent id="SubEnd" />
            {Flow("s0", "SubStart", "Inner")}{Flow("s1", "Inner", "SubEnd")}
            """));
        Assert.Equal(["Inner"], instance.OpenTasks.Select(t => t.ElementId));
        Assert.Contains(instance.State.Scopes, s => s.Kind == ScopeKind.SubProcess && s.ElementId == "Sub");

        instance.Complete("Inner");

        Assert.Equal(["After"], instance.OpenTasks.Select(t => t.ElementId));
        Assert.DoesNotContain(instance.State.Scopes, s => s.Kind == ScopeKind.SubProcess);
    }

    [Fact]
    public void TerminateEnd_InsideSubProcess_ClearsOnlyThatScopeAndTheParentContinues()
    {
        var instance = TestInstance.Start(WithSubProcess($"""
            <bpmn:startEvent id="SubStart" /><bpmn:parallelGateway id="Fork" />
            {UserTask("Quick")}{UserTask("Slow", "Health")}
            <bpmn:endEvent id="Stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            <bpmn:endEvent id="SlowEnd" />
            {Flow("s0", "SubStart", "Fork")}{Flow("s1", "Fork", "Quick")}{Flow("s2", "Fork", "Slow")}
            {Flow("s3", "Quick", "Stop")}{Flow("s4", "Slow", "SlowEnd")}
            """));

        instance.Complete("Quick");

        Assert.Equal(["After"], instance.OpenTasks.Select(t => t.ElementId));
        Assert.Contains("Slow", instance.Cancelled);
        Assert.Contains(instance.Effects, e => e is UserTaskCancelled { ElementId: "Slow" });
        Assert.Equal(InstanceStatus.Running, instance.State.Status);
    }

    [Fact]
    public void TerminateEnd_AtProcessLevel_EndsTheInstanceAsTerminated()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" /><bpmn:parallelGateway id="Fork" />
            {UserTask("Quick")}{UserTask("Slow", "Health")}
            <bpmn:endEvent id="Stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            {Flow("f0", "Start", "Fork")}{Flow("f1", "Fork", "Quick")}{Flow("f2", "Fork", "Slow")}{Flow("f3", "Quick", "Stop")}
            """);
        var instance = TestInstance.Start(xml);

        instance.Complete("Quick");

        Assert.Equal(InstanceStatus.Terminated, instance.State.Status);
        Assert.Empty(instance.OpenTasks);
        Assert.Empty(instance.State.Tokens);
    }

    [Fact]
    public void SubProcess_InputsBecomeLocalsThatDoNotLeakToTheInstance()
    {
        var instance = TestInstance.Start(WithSubProcess($"""
            <bpmn:extensionElements><mw:input target="attempt" source="=1" /></bpmn:extensionElements>
            <bpmn:startEvent id="SubStart" />{UserTask("Inner", "=attempt == 1 ? 'Police' : 'Health'")}<bpmn:endEvent id="SubEnd" />
            {Flow("s0", "SubStart", "Inner")}{Flow("s1", "Inner", "SubEnd")}
            """));

        Assert.Equal("Police", instance.Task("Inner").Agency);
        instance.Complete("Inner");
        Assert.False(instance.State.Variables.ContainsKey("attempt"));
    }

    [Fact]
    public void ErrorEnd_CaughtByBoundaryOnTheSubProcess_CancelsItAndTakesTheBoundaryFlow()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" />
            <bpmn:subProcess id="Sub">
              <bpmn:startEvent id="SubStart" /><bpmn:parallelGateway id="Fork" />
              {UserTask("Ask")}{UserTask("Other", "Health")}
              <bpmn:endEvent id="Refused"><bpmn:errorEventDefinition errorRef="Err_NoConsent" /></bpmn:endEvent>
              {Flow("s0", "SubStart", "Fork")}{Flow("s1", "Fork", "Ask")}{Flow("s2", "Fork", "Other")}{Flow("s3", "Ask", "Refused")}
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="OnNoConsent" attachedToRef="Sub"><bpmn:errorEventDefinition errorRef="Err_NoConsent" /></bpmn:boundaryEvent>
            {UserTask("Normal")}{UserTask("Override", "Prosecutor")}
            {Flow("f0", "Start", "Sub")}{Flow("f1", "Sub", "Normal")}{Flow("f2", "OnNoConsent", "Override")}
            """, extraDefinitions: """<bpmn:error id="Err_NoConsent" errorCode="NO_CONSENT" />""");
        var instance = TestInstance.Start(xml);

        instance.Complete("Ask");

        Assert.Equal(["Override"], instance.OpenTasks.Select(t => t.ElementId));
        Assert.Contains(instance.Effects, e => e is UserTaskCancelled { ElementId: "Other" });
        Assert.DoesNotContain(instance.OpenTasks, t => t.ElementId == "Normal");
    }

    [Fact]
    public void ErrorEnd_NotCaught_RaisesIncident()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" />{UserTask("Ask")}
            <bpmn:endEvent id="Refused"><bpmn:errorEventDefinition errorRef="Err" /></bpmn:endEvent>
            {Flow("f0", "Start", "Ask")}{Flow("f1", "Ask", "Refused")}
            """, extraDefinitions: """<bpmn:error id="Err" errorCode="NO_CONSENT" />""");
        var instance = TestInstance.Start(xml);

        var result = instance.Complete("Ask");

        Assert.Equal("ERROR001", result.Incident!.Code);
        Assert.Contains("NO_CONSENT", result.Incident.Message);
        Assert.Single(instance.OpenTasks);
    }

    [Fact]
    public void ErrorEnd_NotCaughtInACalledProcess_EndsItAndReportsTheErrorToTheParent()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" /><bpmn:endEvent id="Refused"><bpmn:errorEventDefinition errorRef="Err" /></bpmn:endEvent>
            {Flow("f0", "Start", "Refused")}
            """, extraDefinitions: """<bpmn:error id="Err" errorCode="NO_CONSENT" />""");

        var instance = TestInstance.Start(xml, isCalledProcess: true);

        Assert.Contains(instance.Effects, e => e is ErrorEscaped { ErrorCode: "NO_CONSENT", ElementId: "Refused" });
        Assert.Equal(InstanceStatus.Terminated, instance.State.Status);
    }

    [Fact]
    public void CatchAllErrorBoundary_CatchesAnyCode()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" />
            <bpmn:subProcess id="Sub">
              <bpmn:startEvent id="SubStart" /><bpmn:endEvent id="Boom"><bpmn:errorEventDefinition errorRef="Err" /></bpmn:endEvent>
              {Flow("s0", "SubStart", "Boom")}
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="AnyError" attachedToRef="Sub"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
            {UserTask("Handle")}
            {Flow("f0", "Start", "Sub")}{Flow("f1", "AnyError", "Handle")}
            """, extraDefinitions: """<bpmn:error id="Err" errorCode="ANYTHING" />""");

        var instance = TestInstance.Start(xml, new JsonObject());

        Assert.Equal(["Handle"], instance.OpenTasks.Select(t => t.ElementId));
    }
}
