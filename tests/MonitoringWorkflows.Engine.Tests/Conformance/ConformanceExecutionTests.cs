using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Tests.Conformance.Execution;
using MonitoringWorkflows.Engine.Tests.Support;

namespace MonitoringWorkflows.Engine.Tests.Conformance;

/// <summary>
/// The executable processes of paed01/bpmn-engine's test suite (<c>../shared/conformance/bpmn-engine/</c>) that lie
/// within our subset, run on our executor through the test-only <see cref="BpmnEngineDialect"/>, to completion and
/// along the path BPMN prescribes. They run on the read model directly: most would not pass our validator (user tasks
/// without an agency, a missing none start), which <see cref="ValidatorErrors_OfFilesRunDirectly_AreOnlyTheseCodes"/>
/// states file by file. Files that BPMN says never complete are in <see cref="ConformanceDeadlockTests"/>, files
/// outside the subset in <see cref="ConformanceRejectionTests"/>.
/// </summary>
public class ConformanceExecutionTests
{
    /// <summary>Every file of the folder that runs to completion here, with or without a further scenario.</summary>
    internal static readonly string[] Completing =
    [
        "bound-error-and-timer.bpmn", "bound-error.bpmn", "boundary-non-interupting-timer.bpmn", "call-activity.bpmn",
        "forms.bpmn", "issue-139.bpmn", "issue-163.bpmn", "issue-19.bpmn", "loop.bpmn", "multiple-endEvents.bpmn",
        "multiple-multiple-inbound.bpmn", "simple-task.bpmn", "sub-process.bpmn", "task-multiple-inbound.bpmn",
        "task-with-multi-instance-loop.bpmn", "timer-event.bpmn",
    ];

    [Fact]
    public void EveryBpmnEngineFile_IsClassifiedOnce()
    {
        var files = Directory.EnumerateFiles(ConformanceFiles.FullPath("bpmn-engine"), "*.bpmn").Select(Path.GetFileName).Order();
        var classified = Completing.Concat(ConformanceDeadlockTests.WaitingForever)
            .Concat(ConformanceRejectionTests.Outside.Select(row => (string)row[0])).Order();

        Assert.Equal(files, classified);
    }

    [Theory]
    [InlineData("bound-error-and-timer.bpmn")]
    [InlineData("bound-error.bpmn")]
    [InlineData("boundary-non-interupting-timer.bpmn", "BPMN012 userTask")]
    [InlineData("call-activity.bpmn", "BPMN020 called-process", "BPMN033 task")]
    [InlineData("forms.bpmn", "BPMN012 userTask")]
    [InlineData("issue-139.bpmn")]
    [InlineData("issue-163.bpmn", "BPMN012 Activity_09fprjg", "BPMN012 Activity_0c0569x", "BPMN012 Activity_0xqu0xt",
        "BPMN012 Activity_1bpb168", "BPMN020 Activity_0h5hxio", "BPMN033 Activity_0c0569x")]
    [InlineData("issue-19.bpmn")]
    [InlineData("loop.bpmn")]
    [InlineData("multiple-endEvents.bpmn", "BPMN023 flow2", "BPMN023 flow3", "BPMN023 flow5", "BPMN023 flow6")]
    [InlineData("multiple-multiple-inbound.bpmn", "BPMN029 condflow-1", "BPMN029 condflow-2")]
    [InlineData("simple-task.bpmn", "BPMN020 simpleTaskProcess", "BPMN033 boundaryEvent", "BPMN033 task")]
    [InlineData("sub-process.bpmn", "BPMN012 subUserTask", "BPMN020 subProcess", "BPMN033 subScriptTask")]
    [InlineData("task-multiple-inbound.bpmn", "BPMN012 user")]
    [InlineData("task-with-multi-instance-loop.bpmn", "BPMN029 recurring")]
    [InlineData("timer-event.bpmn")]
    public void ValidatorErrors_OfFilesRunDirectly_AreOnlyTheseCodes(string file, params string[] expected)
    {
        Assert.Equal(expected, CorpusDiagnostics.ValidatorErrors("bpmn-engine/" + file));
    }

    [Fact]
    public void BoundError_ScriptCallsNext_EndsAtTheNormalEnd()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/bound-error.bpmn", new JsonObject { ["input"] = 1 });

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        PathAssert.Sequence(instance.FlowsTaken, "flow1", "flow2");
        PathAssert.Sequence(instance.Completed, "scriptTask");
    }

    [Fact]
    public void BoundErrorAndTimer_ScriptCallsNext_EndsAtTheNormalEndWithNoTimerLeft()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/bound-error-and-timer.bpmn", new JsonObject { ["input"] = 1 });

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        PathAssert.Sequence(instance.FlowsTaken, "flow1", "flow2");
        Assert.Empty(instance.PendingTimers);
        Assert.Empty(instance.State.Subscriptions);
    }

    // bpmn-engine turns a script's next(error) into a BPMN error its error boundary catches. Here a script that
    // fails is an incident (SEMANTICS: "an expression error is an incident"); BPMN errors come from error end
    // events and actions. So the same file stops with an incident at the script, and nothing moves.
    [Theory]
    [InlineData("bound-error.bpmn")]
    [InlineData("bound-error-and-timer.bpmn")]
    public void BoundError_ScriptCallsNextWithAnError_IsAnIncidentAtTheScriptNotABpmnError(string file)
    {
        var instance = ConformanceInstance.Start("bpmn-engine/" + file);

        var incident = instance.LastResult!.Incident;
        Assert.NotNull(incident);
        Assert.Equal(("EXPR002", "scriptTask"), (incident.Code, incident.ElementId));
        Assert.Contains("Input is missing", incident.Message);
        Assert.Empty(instance.Effects);
    }

    [Fact]
    public void BoundaryNonInterruptingTimer_TimerFiresThenTaskCompletes_JoinsBothBranchesAndEnds()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/boundary-non-interupting-timer.bpmn");
        Assert.Equal(instance.Now.AddMilliseconds(10), Assert.Single(instance.PendingTimers).DueAt);

        instance.AdvanceAndFire(TimeSpan.FromMilliseconds(10));
        Assert.Equal(["join via SequenceFlow_1muatwf"], instance.Joining);
        instance.CompleteSuccessfully("userTask");

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        PathAssert.Sequence(instance.FlowsTaken, "SequenceFlow_0pw2ggp", "SequenceFlow_1muatwf", "SequenceFlow_0ipd9l9", "SequenceFlow_1t341i2");
        Assert.Empty(instance.Cancelled);
    }

    [Fact]
    public void CallActivity_CalledProcessWithImplicitStart_RunsAsAChildAndTheParentEnds()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/call-activity.bpmn");

        var started = Assert.Single(instance.Effects.OfType<CalledProcessStarted>());
        Assert.Equal(("call-activity", "called-process"), (started.ElementId, started.ProcessId));
        var child = instance.Children[started.TokenId];
        Assert.Equal(InstanceStatus.Completed, child.State.Status);
        PathAssert.Sequence(child.Completed, "task");
        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        PathAssert.Sequence(instance.FlowsTaken, "Flow_1j9hgwz", "Flow_1w33u3r");
        PathAssert.Sequence(instance.Completed, "call-activity");
    }

    [Fact]
    public void Forms_UserTaskCompletedWithData_EndsWithTheSubmittedValue()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/forms.bpmn");
        Assert.Equal("userTask", Assert.Single(instance.OpenTasks).ElementId);

        instance.CompleteSuccessfully("userTask", new JsonObject { ["startDate"] = "2026-12-01" });

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        PathAssert.Sequence(instance.FlowsTaken, "SequenceFlow_0lj5hpw", "SequenceFlow_0apdac1");
        Assert.Equal("2026-12-01", instance.Variable("startDate")!.GetValue<string>());
    }

    [Fact]
    public void Issue139_TaskWithDataObjectReference_PassesThrough()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/issue-139.bpmn");

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        PathAssert.Sequence(instance.FlowsTaken, "Flow_0dk0y7o", "Flow_076cdg5");
        PathAssert.Sequence(instance.Completed, "Activity_0ksziuo");
    }

    [Fact]
    public void Issue163_SubProcessWithoutStartEvent_StartsAtItsFirstTaskAndCompletesAfterItsLast()
    {
        var instance = ConformanceInstance.Start("bpmn-engine/issue-163.bpmn");

        foreach (var task in new[] { "Activity_1bpb168", "Activity_0xqu0xt", "Activity_0c0569x", "Activity_09fprjg" })
        {
            Assert.Equal(task, Assert.Single(instance.OpenTasks).ElementId);
            instance.CompleteSuccessfully(task);
        }

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        PathAssert.Sequence(instance.FlowsTaken, "Flow_0jrmoo3", "Flow_0qs3el8", "Flow_00x1izw", "Flow_1rh83yq", "Flow_0tefdeh");
        PathAssert.Sequence(instance.Completed, "Activity_1bpb168", "Activity_0xqu0xt", "Activity_0c0569x", "Activity_0h5hxio", "Activity_09fprjg");
    }
}
