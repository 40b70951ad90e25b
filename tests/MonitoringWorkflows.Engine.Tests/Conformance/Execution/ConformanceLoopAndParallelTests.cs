using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Tests.Conformance.Execution;

/// <summary>
/// The bpmn-engine corpus files with loops, uncontrolled merges, parallel branches, multi-instance and timers that
/// run to completion here (the rest of <see cref="ConformanceExecutionTests"/>).
/// </summary>
public class ConformanceLoopAndParallelTests
{
    [Fact]
    public void Loop_InputZero_GoesRoundTwiceThenTakesTheDefaultFlow()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/loop.bpmn", new JsonObject { ["input"] = 0 });

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        PathAssert.Sequence(instance.FlowsTaken, "flow1", "flow2", "flow3", "flow4", "flow2", "flow3", "flow4", "flow2", "flow5");
        PathAssert.Sequence(instance.Completed, "scriptTask1", "scriptTask2", "scriptTask1", "scriptTask2", "scriptTask1");
        Assert.Equal(2, instance.Variable("input")!.GetValue<int>());
    }

    [Fact]
    public void Loop_InputTwo_LeavesByTheDefaultFlowAtOnce()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/loop.bpmn", new JsonObject { ["input"] = 2 });

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        PathAssert.Sequence(instance.FlowsTaken, "flow1", "flow2", "flow5");
        Assert.Equal(2, instance.Variable("input")!.GetValue<int>());
    }

    // Both inclusive gateways have two unconditional flows: each is always taken, so every branch runs and the
    // instance ends when the last of its three end events consumes the last token.
    [Fact]
    public void MultipleEndEvents_InclusiveSplitsWithUnconditionalFlows_RunEveryBranchToItsEnd()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/multiple-endEvents.bpmn", new JsonObject { ["input"] = 0 });

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        PathAssert.Concurrent(instance.FlowsTaken,
            ["flow1", "flow2", "flow3", "flow4", "flow5", "flow6", "flow7"],
            ["flow1", "flow2"], ["flow1", "flow3", "flow4", "flow5"], ["flow4", "flow6", "flow7"]);
        Assert.Equal(2, instance.Variable("input")!.GetValue<int>());
    }

    // The file's camunda:inputOutput (which set tookCondition1/2 in bpmn-engine) is not ours and is not read, so the
    // conditions are given as start variables.
    [Fact]
    public void MultipleMultipleInbound_BothConditionsTrue_PassesBothGatewaysToTheEnd()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/multiple-multiple-inbound.bpmn",
            new JsonObject { ["tookCondition1"] = true, ["tookCondition2"] = true });

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        PathAssert.Sequence(instance.FlowsTaken, "SequenceFlow_0q2oaww", "taskflow-1", "condflow-1", "condflow-2");
    }

    // With the second condition false, every default flow leads back to the task and nothing ever waits: the
    // executor's guard stops the step with an incident instead of looping for ever, and nothing is kept.
    [Fact]
    public void MultipleMultipleInbound_SecondConditionFalse_LoopsWithoutAWaitStateAndRaisesFlow003()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/multiple-multiple-inbound.bpmn",
            new JsonObject { ["tookCondition1"] = true, ["tookCondition2"] = false });

        Assert.Equal("FLOW003", instance.LastResult!.Incident?.Code);
        Assert.Empty(instance.Effects);
    }

    [Fact]
    public void Issue19_ParallelTaskAndScript_JoinThenRunTheLastTask()
    {
        // bpmn-engine's test passes log and timeout services; the timeout calls back at once, scripts being synchronous here.
        var instance = ConformanceInstance.Start("bpmn-engine/issue-19.bpmn", new JsonObject { ["timeout"] = 100 },
            services: "{ log: function () {}, timeout: function (callback) { callback(); } }");

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        PathAssert.Concurrent(instance.FlowsTaken,
            ["startToParallel1", "Parallel1ToTaskA", "Parallel1ToTaskB", "TaskAToParallel2", "TaskBToParallel2", "Parallel2ToTaskC", "TaskCToEnd"],
            ["startToParallel1", "Parallel1ToTaskA", "TaskAToParallel2", "Parallel2ToTaskC", "TaskCToEnd"],
            ["startToParallel1", "Parallel1ToTaskB", "TaskBToParallel2", "Parallel2ToTaskC"]);
        PathAssert.Concurrent(instance.Completed, ["Task_A", "Task_B", "Task_C"], ["Task_A", "Task_C"], ["Task_B", "Task_C"]);
    }

    // The user task is reached twice (from the start and from the loop). The first time it is completed; the second
    // time its interrupting timer fires, cancels it and sends the token to the script, whose second increment ends the loop.
    [Fact]
    public void TaskMultipleInbound_CompletedOnceThenTimedOut_LoopsOnceAndEnds()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/task-multiple-inbound.bpmn");
        Assert.Equal(instance.Now.AddMilliseconds(100), Assert.Single(instance.PendingTimers).DueAt);

        instance.CompleteSuccessfully("user");
        Assert.Equal(1, instance.Variable("input")!.GetValue<int>());
        Assert.Equal("user", Assert.Single(instance.OpenTasks).ElementId);
        instance.AdvanceAndFire(TimeSpan.FromMilliseconds(100));

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        PathAssert.Sequence(instance.FlowsTaken, "SequenceFlow_0jtx7d0", "SequenceFlow_0reamwp", "flow2", "SequenceFlow_0ruy5f5",
            "loopFlow", "SequenceFlow_0reamwp", "flow3", "SequenceFlow_0ruy5f5", "endFlow");
        PathAssert.Sequence(instance.Cancelled, "user");
        Assert.Equal(2, instance.Variable("input")!.GetValue<int>());
        Assert.Empty(instance.OpenTasks);
        Assert.Empty(instance.PendingTimers);
    }

    [Fact]
    public void TaskMultipleInbound_TimedOutOnceThenCompleted_LoopsOnceAndEnds()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/task-multiple-inbound.bpmn");

        instance.AdvanceAndFire(TimeSpan.FromMilliseconds(100));
        Assert.Equal("user", Assert.Single(instance.OpenTasks).ElementId);
        instance.CompleteSuccessfully("user");

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        PathAssert.Sequence(instance.FlowsTaken, "SequenceFlow_0jtx7d0", "SequenceFlow_0reamwp", "flow3", "SequenceFlow_0ruy5f5",
            "loopFlow", "SequenceFlow_0reamwp", "flow2", "SequenceFlow_0ruy5f5", "endFlow");
        Assert.Equal(2, instance.Variable("input")!.GetValue<int>());
        Assert.Empty(instance.PendingTimers);
    }

    // loopCardinality 10, parallel; camunda:collection is not ours and is not read. The completion condition reads the
    // test's service, true once three bodies have run: the seven others are cancelled before they run.
    [Fact]
    public void TaskWithMultiInstanceLoop_CompletionConditionTrueAfterThree_CancelsTheOtherSeven()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/task-with-multi-instance-loop.bpmn", new JsonObject { ["input"] = 0 },
            services: "{ get loopCondition() { return variables.input >= 3; } }");

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        PathAssert.Sequence(instance.FlowsTaken, "SequenceFlow_00cfpc8", "SequenceFlow_0givraz");
        Assert.Equal(3, instance.Variable("input")!.GetValue<int>());
        Assert.Equal(3 + 1, instance.Completed.Count(id => id == "recurring"));
        Assert.Equal(7, instance.Cancelled.Count(id => id == "recurring"));
    }

    [Fact]
    public void TaskWithMultiInstanceLoop_CompletionConditionNeverTrue_RunsAllTenBodies()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/task-with-multi-instance-loop.bpmn", new JsonObject { ["input"] = 0 },
            services: "{ loopCondition: false }");

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        Assert.Equal(10, instance.Variable("input")!.GetValue<int>());
        Assert.Equal(10 + 1, instance.Completed.Count(id => id == "recurring"));
        Assert.Empty(instance.Cancelled);
    }

    [Fact]
    public void TimerEvent_IntermediateTimer_WaitsItsDurationThenGoesOn()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/timer-event.bpmn");
        Assert.Equal(instance.Now.AddMilliseconds(50), Assert.Single(instance.PendingTimers).DueAt);

        instance.AdvanceAndFire(TimeSpan.FromMilliseconds(49));
        Assert.Equal(InstanceStatus.Running, instance.State.Status);
        instance.AdvanceAndFire(TimeSpan.FromMilliseconds(1));

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        PathAssert.Sequence(instance.FlowsTaken, "SequenceFlow_0evszjw", "SequenceFlow_01f3n3g", "SequenceFlow_02raz3t", "SequenceFlow_1au7566");
        PathAssert.Sequence(instance.Completed, "task1", "duration", "task2");
    }

    // No start event: the task, the one node without an incoming flow, is where the instance starts (the boundary
    // event is not a start). It passes through, and with no outgoing flow its token is consumed.
    [Fact]
    public void SimpleTask_ProcessWithoutStartEvent_StartsAtTheTaskAndEnds()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/simple-task.bpmn");

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        Assert.Empty(instance.FlowsTaken);
        PathAssert.Sequence(instance.Completed, "task");
        Assert.Empty(instance.PendingTimers);
    }

    [Fact]
    public void SubProcess_UserTaskThenScript_CompletesTheSubProcessAndKeepsTheScriptsVariable()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/sub-process.bpmn", new JsonObject { ["input"] = 1 });
        Assert.Equal("subUserTask", Assert.Single(instance.OpenTasks).ElementId);

        instance.CompleteSuccessfully("subUserTask");

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        PathAssert.Sequence(instance.FlowsTaken, "flow1", "subFlow1", "flow2");
        PathAssert.Sequence(instance.Completed, "subUserTask", "subScriptTask", "subProcess");
        Assert.True(instance.Variable("subScript")!.GetValue<bool>());
    }

    // With input 127 the script never calls next(): bpmn-engine leaves the script task waiting for ever. A synchronous
    // script cannot wait, so the dialect fails it, and the completion of the user task is an incident that keeps nothing.
    [Fact]
    public void SubProcess_ScriptNeverCallsNext_IsAnIncidentAndTheUserTaskStaysOpen()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/sub-process.bpmn", new JsonObject { ["input"] = 127 });
        var task = Assert.Single(instance.OpenTasks);

        var result = instance.Apply(new CompleteTask(task.TaskId));

        Assert.Equal(("EXPR002", "subScriptTask"), (result.Incident?.Code, result.Incident?.ElementId));
        Assert.Equal(task, Assert.Single(instance.OpenTasks));
        Assert.Null(instance.Variable("subScript"));
    }
}
