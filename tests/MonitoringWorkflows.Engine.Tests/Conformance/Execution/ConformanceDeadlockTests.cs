using MonitoringWorkflows.Engine.Tests.Support;
using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Tests.Conformance.Execution;

/// <summary>
/// bpmn-engine files that bpmn-engine runs to the end but BPMN does not: a parallel gateway joins only when a token
/// has arrived on every incoming flow (SEMANTICS: "joins when a token has arrived on every incoming flow"), and
/// these files merge alternatives (the two sides of an exclusive gateway, a task and its interrupting boundary)
/// with a parallel join. bpmn-engine sends "discarded" markers down the paths not taken and lets a join fire on
/// them (dead-path elimination, which BPMN does not have); here the instance rightly keeps waiting at the join.
/// </summary>
public class ConformanceDeadlockTests
{
    internal static readonly string[] WaitingForever = ["boundary-timeout.bpmn", "multiple-joins.bpmn", "succeeding-joins.bpmn"];

    [Fact]
    public void BoundaryTimeout_TaskCompletes_WaitsAtTheJoinForTheBoundaryFlow()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/boundary-timeout.bpmn");

        instance.CompleteSuccessfully("userTask");

        AssertWaitsAtJoins(instance, "join via flow2");
        PathAssert.Sequence(instance.FlowsTaken, "flow1", "flow2");
        Assert.Empty(instance.PendingTimers);
    }

    [Fact]
    public void BoundaryTimeout_TimerFires_CancelsTheTaskAndWaitsAtTheJoinForTheTaskFlow()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/boundary-timeout.bpmn");

        instance.AdvanceAndFire(TimeSpan.FromMilliseconds(100));

        AssertWaitsAtJoins(instance, "join via flow3");
        PathAssert.Sequence(instance.FlowsTaken, "flow1", "flow3");
        PathAssert.Sequence(instance.Cancelled, "userTask");
    }

    // The same shape with a non-interrupting timer completes when the timer fires first (see
    // ConformanceLoopAndParallelTests); when the task completes first its timer is cancelled and never sends a token.
    [Fact]
    public void BoundaryNonInterruptingTimer_TaskCompletesFirst_WaitsAtTheJoinForTheBoundaryFlow()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/boundary-non-interupting-timer.bpmn");

        instance.CompleteSuccessfully("userTask");

        AssertWaitsAtJoins(instance, "join via SequenceFlow_0ipd9l9");
        Assert.Empty(instance.PendingTimers);
    }

    [Theory]
    [InlineData(50, new[] { "userTask1", "userTask2" }, "join2 via flow8")]
    [InlineData(10, new[] { "userTask1", "userTask3" }, "join2 via flow6")]
    [InlineData(51, new string[0], "join1 via flow2")]
    public void MultipleJoins_AnyInput_WaitsAtAJoinForTheBranchNotTaken(int input, string[] tasks, string joining)
    {
        var instance = ConformanceInstance.Start("bpmn-engine/multiple-joins.bpmn", new JsonObject { ["input"] = input });

        foreach (var task in tasks) instance.CompleteSuccessfully(task);

        AssertWaitsAtJoins(instance, joining);
        Assert.DoesNotContain("scriptTask2", instance.Completed);
    }

    // No choice of the two conditions completes it: join2 needs decision1's default flow and join1's outgoing flow,
    // and join1 needs decision1's conditional flow; an exclusive gateway takes one of the two, never both. (No
    // variables at all is bpmn-engine's own test: its templates then give undefined, which counts as false.)
    [Theory]
    [InlineData(null, null, "join1 via SequenceFlow_01624fc", "join1 via SequenceFlow_0f0dkku", "join2 via SequenceFlow_05akcgw")]
    [InlineData(false, false, "join1 via SequenceFlow_01624fc", "join1 via SequenceFlow_0f0dkku", "join2 via SequenceFlow_05akcgw")]
    [InlineData(true, false, "join2 via SequenceFlow_14a3u6g")]
    [InlineData(false, true, "join1 via SequenceFlow_0f0dkku", "join2 via SequenceFlow_05akcgw", "join2 via SequenceFlow_12ip5vh")]
    [InlineData(true, true, "join1 via SequenceFlow_0f0dkku", "join1 via flow-up-join1", "join2 via SequenceFlow_12ip5vh")]
    public void SucceedingJoins_AnyConditions_WaitAtTheJoins(bool? takeJoin1, bool? takeJoin2, params string[] joining)
    {
        var variables = new JsonObject();
        if (takeJoin1 is { } first) variables["takeJoin1"] = first;
        if (takeJoin2 is { } second) variables["takeJoin2"] = second;

        var instance = ConformanceInstance.Start("bpmn-engine/succeeding-joins.bpmn", variables);

        AssertWaitsAtJoins(instance, joining);
    }

    // Classified as outside the subset (the validator's BPMN032): with a none start event present, the timer catch
    // without an incoming flow is not a start, so nothing ever reaches the join's second flow.
    [Fact]
    public void TimerStartEvent_CatchEventWithoutIncomingFlowIsNoStart_SoTheJoinWaits()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/timer-start-event.bpmn");

        AssertWaitsAtJoins(instance, "join via SequenceFlow_013jd7g");
        Assert.Empty(instance.PendingTimers);
    }

    private static void AssertWaitsAtJoins(TestInstance instance, params string[] joining)
    {
        Assert.True(instance.LastResult!.Succeeded, instance.LastResult.Incident?.Message);
        Assert.Equal(InstanceStatus.Running, instance.State.Status);
        Assert.Equal(joining, instance.Joining);
        Assert.Empty(instance.OpenTasks);
        Assert.Equal(joining.Length, instance.State.Tokens.Count);
    }
}
