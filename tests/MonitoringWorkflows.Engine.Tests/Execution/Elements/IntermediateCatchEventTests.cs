using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Tests.Support;
using static MonitoringWorkflows.Engine.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Engine.Tests.Execution.Elements;

public class IntermediateCatchEventTests
{
    private static readonly string WaitForDecision = Process($"""
        <bpmn:startEvent id="Start" />
        <bpmn:intermediateCatchEvent id="Decision"><bpmn:messageEventDefinition messageRef="Msg" /></bpmn:intermediateCatchEvent>
        {UserTask("Act")}
        {Flow("f0", "Start", "Decision")}{Flow("f1", "Decision", "Act")}
        """, extraDefinitions: """<bpmn:message id="Msg" name="groupReviewDecision" />""");

    [Fact]
    public void TimerCatch_WaitsUntilDue_ThenContinues()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" />
            <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P30D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            {UserTask("Visit")}
            {Flow("f0", "Start", "Wait")}{Flow("f1", "Wait", "Visit")}
            """);
        var instance = TestInstance.Start(xml);
        Assert.Empty(instance.OpenTasks);

        instance.AdvanceAndFire(TimeSpan.FromDays(29));
        Assert.Empty(instance.OpenTasks);
        instance.AdvanceAndFire(TimeSpan.FromDays(1));

        Assert.Equal(["Visit"], instance.OpenTasks.Select(t => t.ElementId));
    }

    [Fact]
    public void TimerCatch_AbsoluteDate_IsDueAtThatDate()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" />
            <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDate>2027-01-15T09:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="End" />{Flow("f0", "Start", "Wait")}{Flow("f1", "Wait", "End")}
            """);

        var instance = TestInstance.Start(xml);

        Assert.Equal(new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero), Assert.Single(instance.PendingTimers).DueAt);
    }

    [Fact]
    public void MessageCatch_ReceivesItsMessageWithData()
    {
        var instance = TestInstance.Start(WaitForDecision);

        var result = instance.Apply(new ReceiveMessage("groupReviewDecision", new JsonObject { ["decision"] = "monitor" }));

        Assert.True(result.Succeeded);
        Assert.Equal("monitor", instance.Variable("decision")!.GetValue<string>());
        Assert.Equal(["Act"], instance.OpenTasks.Select(t => t.ElementId));
    }

    [Fact]
    public void Message_NobodyWaitsForIt_IsRefusedNotQueued()
    {
        var instance = TestInstance.Start(WaitForDecision);
        var before = instance.State;

        var result = instance.Apply(new ReceiveMessage("somethingElse"));

        Assert.Equal("MESSAGE001", result.Rejection!.Code);
        Assert.Contains("somethingElse", result.Rejection.Message);
        Assert.Same(before, instance.State);
        Assert.Empty(result.Effects);
    }

    [Fact]
    public void BadTimerFromAnExpression_RaisesIncident()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" />
            <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>=period</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="End" />{Flow("f0", "Start", "Wait")}{Flow("f1", "Wait", "End")}
            """);

        var instance = TestInstance.Start(xml, new JsonObject { ["period"] = "three days" });

        Assert.Equal("TIMER001", instance.LastResult!.Incident!.Code);
        Assert.Equal("Wait", instance.LastResult.Incident.ElementId);
    }
}
