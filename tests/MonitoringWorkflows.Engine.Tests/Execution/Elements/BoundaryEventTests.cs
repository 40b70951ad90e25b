using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Tests.Support;
using static MonitoringWorkflows.Engine.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Engine.Tests.Execution.Elements;

public class BoundaryEventTests
{
    private static string Referral(string timer, bool interrupting) => Process($"""
        <bpmn:startEvent id="Start" />
        {UserTask("Referral")}
        <bpmn:boundaryEvent id="Deadline" attachedToRef="Referral" cancelActivity="{(interrupting ? "true" : "false")}">
          <bpmn:timerEventDefinition>{timer}</bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        {RoleTask("Escalate", "Chair")}
        <bpmn:endEvent id="Done" />
        {Flow("f0", "Start", "Referral")}{Flow("f1", "Referral", "Done")}{Flow("f2", "Deadline", "Escalate")}
        """);

    [Fact]
    public void InterruptingTimer_Fires_CancelsTheTaskAndTakesTheBoundaryFlow()
    {
        var instance = TestInstance.Start(Referral("<bpmn:timeDuration>P3D</bpmn:timeDuration>", interrupting: true));
        Assert.Equal(instance.Now.AddDays(3), Assert.Single(instance.PendingTimers).DueAt);

        instance.AdvanceAndFire(TimeSpan.FromDays(3));

        Assert.Equal(["Escalate"], instance.OpenTasks.Select(t => t.ElementId));
        Assert.Equal("Chair", instance.Task("Escalate").Role);
        Assert.Contains(instance.Effects, e => e is UserTaskCancelled { ElementId: "Referral" });
        Assert.DoesNotContain(instance.Effects, e => e is TimerCancelled);
    }

    [Fact]
    public void NonInterruptingTimer_Fires_KeepsTheTaskOpenAndAddsABranch()
    {
        var instance = TestInstance.Start(Referral("<bpmn:timeDuration>P3D</bpmn:timeDuration>", interrupting: false));

        instance.AdvanceAndFire(TimeSpan.FromDays(3));

        Assert.Equal(["Referral", "Escalate"], instance.OpenTasks.Select(t => t.ElementId));
        Assert.Empty(instance.PendingTimers);
    }

    [Fact]
    public void NonInterruptingCycleTimer_FiresOncePerRepetitionWhileTheTaskIsOpen()
    {
        var instance = TestInstance.Start(Referral("<bpmn:timeCycle>R3/PT24H</bpmn:timeCycle>", interrupting: false));

        instance.AdvanceAndFire(TimeSpan.FromHours(24));
        instance.AdvanceAndFire(TimeSpan.FromHours(24));
        Assert.Equal(2, instance.OpenTasks.Count(t => t.ElementId == "Escalate"));

        instance.AdvanceAndFire(TimeSpan.FromDays(10));

        Assert.Equal(3, instance.OpenTasks.Count(t => t.ElementId == "Escalate"));
        Assert.Empty(instance.PendingTimers);
    }

    [Fact]
    public void TaskCompletedBeforeTheTimer_CancelsTheTimer_AndALateFiringChangesNothing()
    {
        var instance = TestInstance.Start(Referral("<bpmn:timeDuration>P3D</bpmn:timeDuration>", interrupting: true));
        var timerId = Assert.Single(instance.PendingTimers).TimerId;

        instance.Complete("Referral");
        var late = instance.Apply(new FireTimer(timerId));

        Assert.Contains(instance.Effects, e => e is TimerCancelled { TimerId: var id } && id == timerId);
        Assert.True(late.Succeeded);
        Assert.Contains(late.Effects, e => e is JournalEntry { Kind: JournalKind.TriggerIgnored });
        Assert.DoesNotContain(instance.Effects, e => e is UserTaskCreated { ElementId: "Escalate" });
    }

    [Fact]
    public void TimerFiredTwice_AdvancesOnlyOnce()
    {
        var instance = TestInstance.Start(Referral("<bpmn:timeDuration>P3D</bpmn:timeDuration>", interrupting: true));
        var timerId = Assert.Single(instance.PendingTimers).TimerId;

        instance.Apply(new FireTimer(timerId));
        instance.Apply(new FireTimer(timerId));

        Assert.Single(instance.Effects.OfType<UserTaskCreated>(), t => t.ElementId == "Escalate");
    }

    [Fact]
    public void TimerDurationFromAnExpression_UsesTheVariables()
    {
        var instance = TestInstance.Start(Referral("<bpmn:timeDuration>=level == 'high' ? 'PT4H' : 'P3D'</bpmn:timeDuration>", true),
            new JsonObject { ["level"] = "high" });

        Assert.Equal(instance.Now.AddHours(4), Assert.Single(instance.PendingTimers).DueAt);
    }

    [Fact]
    public void MessageBoundary_Interrupting_CancelsTheActivityAndMergesTheMessageData()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" />{UserTask("Wait")}
            <bpmn:boundaryEvent id="Withdrawn" attachedToRef="Wait"><bpmn:messageEventDefinition messageRef="Msg" /></bpmn:boundaryEvent>
            {UserTask("Record")}
            {Flow("f0", "Start", "Wait")}{Flow("f1", "Withdrawn", "Record")}
            """, extraDefinitions: """<bpmn:message id="Msg" name="reportWithdrawn" />""");
        var instance = TestInstance.Start(xml);

        var result = instance.Apply(new ReceiveMessage("reportWithdrawn", new JsonObject { ["withdrawnBy"] = "victim" }));

        Assert.True(result.Succeeded);
        Assert.Equal(["Record"], instance.OpenTasks.Select(t => t.ElementId));
        Assert.Equal("victim", instance.Variable("withdrawnBy")!.GetValue<string>());
    }

    [Fact]
    public void TimerBoundaryOnSubProcess_Interrupting_CancelsEverythingInside()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" />
            <bpmn:subProcess id="Sub">
              <bpmn:startEvent id="SubStart" /><bpmn:parallelGateway id="Fork" />{UserTask("A")}{UserTask("B", "Health")}
              <bpmn:intermediateCatchEvent id="Reminder"><bpmn:timerEventDefinition><bpmn:timeDuration>P10D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
              {Flow("s0", "SubStart", "Fork")}{Flow("s1", "Fork", "A")}{Flow("s2", "Fork", "B")}{Flow("s3", "Fork", "Reminder")}
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="Expired" attachedToRef="Sub"><bpmn:timerEventDefinition><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            {UserTask("Escalate")}
            {Flow("f0", "Start", "Sub")}{Flow("f1", "Expired", "Escalate")}
            """);
        var instance = TestInstance.Start(xml);
        Assert.Equal(2, instance.PendingTimers.Count);

        instance.AdvanceAndFire(TimeSpan.FromDays(5));

        Assert.Equal(["Escalate"], instance.OpenTasks.Select(t => t.ElementId));
        Assert.Empty(instance.PendingTimers);
        Assert.DoesNotContain(instance.State.Scopes, s => s.Kind == ScopeKind.SubProcess);
        Assert.Single(instance.State.Tokens);
    }
}
