using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Tests.Support;
using static MonitoringWorkflows.Engine.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Engine.Tests.Execution.Elements;

public class InclusiveGatewayTests
{
    private static readonly string Measures = Process($"""
        <bpmn:startEvent id="Start" />
        <bpmn:inclusiveGateway id="Split" default="toNone" />
        {UserTask("Shelter", "SocialProtection")}{UserTask("Medical", "Health")}{UserTask("School", "Education")}
        <bpmn:inclusiveGateway id="Join" />
        {UserTask("Review", "SocialProtection")}
        {Flow("f0", "Start", "Split")}
        {Flow("toShelter", "Split", "Shelter", "needsShelter")}
        {Flow("toMedical", "Split", "Medical", "needsMedical")}
        {Flow("toSchool", "Split", "School", "childVictim")}
        {Flow("toNone", "Split", "Join")}
        {Flow("s1", "Shelter", "Join")}{Flow("s2", "Medical", "Join")}{Flow("s3", "School", "Join")}
        {Flow("f9", "Join", "Review")}
        """);

    private static JsonObject Needs(bool shelter, bool medical, bool child) =>
        new() { ["needsShelter"] = shelter, ["needsMedical"] = medical, ["childVictim"] = child };

    [Fact]
    public void Step_Split_OpensEveryBranchWhoseConditionHolds()
    {
        var instance = TestInstance.Start(Measures, Needs(shelter: true, medical: false, child: true));

        Assert.Equal(["Shelter", "School"], instance.OpenTasks.Select(t => t.ElementId));
    }

    [Fact]
    public void Step_NoConditionHolds_TakesOnlyTheDefault()
    {
        var instance = TestInstance.Start(Measures, Needs(false, false, false));

        Assert.Equal(["Review"], instance.OpenTasks.Select(t => t.ElementId));
        Assert.DoesNotContain("toShelter", instance.FlowsTaken);
    }

    [Fact]
    public void Step_Join_WaitsOnlyForBranchesThatCanStillArrive()
    {
        var instance = TestInstance.Start(Measures, Needs(shelter: true, medical: false, child: true));

        instance.Complete("Shelter");
        Assert.DoesNotContain(instance.OpenTasks, t => t.ElementId == "Review");

        instance.Complete("School");
        Assert.Equal(["Review"], instance.OpenTasks.Select(t => t.ElementId));
        Assert.Single(instance.State.Tokens);
    }

    [Fact]
    public void Step_Join_FiresWhenTheLastLiveTokenElsewhereIsCancelled()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" />
            <bpmn:inclusiveGateway id="Split" />
            {UserTask("Fast")}{UserTask("Slow", "Health")}
            <bpmn:boundaryEvent id="GiveUp" attachedToRef="Slow"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:endEvent id="Abandoned" />
            <bpmn:inclusiveGateway id="Join" />
            {UserTask("After")}
            {Flow("f0", "Start", "Split")}{Flow("a", "Split", "Fast", "true")}{Flow("b", "Split", "Slow", "true")}
            {Flow("a2", "Fast", "Join")}{Flow("b2", "Slow", "Join")}{Flow("g", "GiveUp", "Abandoned")}{Flow("f5", "Join", "After")}
            """);
        var instance = TestInstance.Start(xml);
        instance.Complete("Fast");
        Assert.DoesNotContain(instance.OpenTasks, t => t.ElementId == "After");

        instance.AdvanceAndFire(TimeSpan.FromHours(2));

        Assert.Equal(["After"], instance.OpenTasks.Select(t => t.ElementId));
    }

    [Fact]
    public void Step_NoConditionHoldsAndNoDefault_RaisesIncident()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" />
            <bpmn:inclusiveGateway id="Split" />
            {UserTask("A")}{UserTask("B")}
            {Flow("f0", "Start", "Split")}{Flow("a", "Split", "A", "x == 1")}{Flow("b", "Split", "B", "x == 2")}
            """);

        var instance = TestInstance.Start(xml, new JsonObject { ["x"] = 3 });

        Assert.Equal("FLOW001", instance.LastResult!.Incident!.Code);
        Assert.Equal("Split", instance.LastResult.Incident.ElementId);
        Assert.Equal(InstanceStatus.Running, instance.State.Status);
        Assert.Empty(instance.State.Tokens);
    }
}
