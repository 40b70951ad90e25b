using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Tests.Support;
using static MonitoringWorkflows.Engine.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Engine.Tests.Execution.Elements;

public class ParallelGatewayTests
{
    private static readonly string ForkAndJoin = Process($"""
        <bpmn:startEvent id="Start" />
        <bpmn:parallelGateway id="Fork" />
        {UserTask("Police")}{UserTask("Health", "Health")}
        <bpmn:parallelGateway id="Join" />
        {UserTask("Close", "SocialProtection")}
        {Flow("f0", "Start", "Fork")}{Flow("f1", "Fork", "Police")}{Flow("f2", "Fork", "Health")}
        {Flow("f3", "Police", "Join")}{Flow("f4", "Health", "Join")}{Flow("f5", "Join", "Close")}
        """);

    [Fact]
    public void Step_Split_OpensATaskOnEveryBranch()
    {
        var instance = TestInstance.Start(ForkAndJoin);

        Assert.Equal(["Police", "Health"], instance.OpenTasks.Select(t => t.ElementId));
        Assert.Equal(["Police", "Health"], instance.OpenTasks.Select(t => t.Agency));
    }

    [Fact]
    public void Step_JoinWithOneBranchDone_Waits()
    {
        var instance = TestInstance.Start(ForkAndJoin);

        instance.Complete("Police");

        Assert.Equal(["Health"], instance.OpenTasks.Select(t => t.ElementId));
        Assert.Contains(instance.State.Tokens, t => t.ElementId == "Join" && t.Phase == TokenPhase.Joining);
    }

    [Fact]
    public void Step_JoinWithEveryBranchDone_ContinuesWithOneToken()
    {
        var instance = TestInstance.Start(ForkAndJoin);

        instance.Complete("Health");
        instance.Complete("Police");

        Assert.Equal(["Close"], instance.OpenTasks.Select(t => t.ElementId));
        Assert.Single(instance.State.Tokens);
    }

    [Fact]
    public void Step_TwoTokensOnOneFlow_TheSecondWaitsForTheNextRound()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" />
            <bpmn:parallelGateway id="Fork" />
            {UserTask("A1")}{UserTask("A2")}{UserTask("B")}
            <bpmn:exclusiveGateway id="MergeA" />
            <bpmn:parallelGateway id="Join" />
            {UserTask("After")}
            {Flow("f0", "Start", "Fork")}{Flow("f1", "Fork", "A1")}{Flow("f2", "Fork", "A2")}{Flow("f3", "Fork", "B")}
            {Flow("f4", "A1", "MergeA")}{Flow("f5", "A2", "MergeA")}{Flow("fromA", "MergeA", "Join")}{Flow("fromB", "B", "Join")}
            {Flow("f8", "Join", "After")}
            """);
        var instance = TestInstance.Start(xml);

        instance.Complete("A1");
        instance.Complete("A2");

        Assert.DoesNotContain(instance.OpenTasks, t => t.ElementId == "After");
        Assert.Equal(2, instance.State.Tokens.Count(t => t.ElementId == "Join"));

        instance.Complete("B");

        Assert.Single(instance.OpenTasks, t => t.ElementId == "After");
        Assert.Single(instance.State.Tokens, t => t.ElementId == "Join" && t.ArrivedVia == "fromA");
    }

    [Fact]
    public void Step_AllBranchesEnd_CompletesTheInstance()
    {
        var instance = TestInstance.Start(Process($"""
            <bpmn:startEvent id="Start" />
            <bpmn:parallelGateway id="Fork" />
            {UserTask("Police")}{UserTask("Health", "Health")}
            <bpmn:endEvent id="EndPolice" /><bpmn:endEvent id="EndHealth" />
            {Flow("f0", "Start", "Fork")}{Flow("f1", "Fork", "Police")}{Flow("f2", "Fork", "Health")}
            {Flow("f3", "Police", "EndPolice")}{Flow("f4", "Health", "EndHealth")}
            """));

        instance.Complete("Police");
        Assert.Equal(InstanceStatus.Running, instance.State.Status);
        instance.Complete("Health");

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        Assert.Contains(instance.Effects, e => e is InstanceEnded { Status: InstanceStatus.Completed });
    }
}
