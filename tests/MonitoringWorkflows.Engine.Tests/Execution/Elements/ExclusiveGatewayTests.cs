using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Tests.Support;
using static MonitoringWorkflows.Engine.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Engine.Tests.Execution.Elements;

public class ExclusiveGatewayTests
{
    private static string Route(string defaultAttribute = "") => Process($"""
        <bpmn:startEvent id="Start" />
        <bpmn:exclusiveGateway id="Route" {defaultAttribute} />
        {UserTask("High")}{UserTask("Medium")}{UserTask("Low")}
        {Flow("f0", "Start", "Route")}
        {Flow("toHigh", "Route", "High", "score >= 14")}
        {Flow("toMedium", "Route", "Medium", "score >= 7")}
        {Flow("toLow", "Route", "Low")}
        """);

    [Fact]
    public void Step_SeveralConditionsTrue_TakesTheFirstInDocumentOrder()
    {
        var instance = TestInstance.Start(Route("default=\"toLow\""), new JsonObject { ["score"] = 20 });

        Assert.Equal(["High"], instance.OpenTasks.Select(t => t.ElementId));
        Assert.Contains("toHigh", instance.FlowsTaken);
        Assert.DoesNotContain("toMedium", instance.FlowsTaken);
    }

    [Fact]
    public void Step_NoConditionTrue_TakesTheDefaultFlow()
    {
        var instance = TestInstance.Start(Route("default=\"toLow\""), new JsonObject { ["score"] = 2 });

        Assert.Equal(["Low"], instance.OpenTasks.Select(t => t.ElementId));
    }

    [Fact]
    public void Step_NoConditionMatchesAndNoDefault_RaisesIncidentAndLeavesStateUnchanged()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" />
            {UserTask("Screen")}
            <bpmn:exclusiveGateway id="Route" />
            {UserTask("High")}{UserTask("Low")}
            {Flow("f0", "Start", "Screen")}{Flow("f1", "Screen", "Route")}
            {Flow("toHigh", "Route", "High", "score >= 14")}
            {Flow("toLow", "Route", "Low", "score < 7")}
            """);
        var instance = TestInstance.Start(xml);
        var before = instance.State;

        var result = instance.Complete("Screen", new JsonObject { ["score"] = 10 });

        Assert.NotNull(result.Incident);
        Assert.Equal("FLOW001", result.Incident.Code);
        Assert.Equal("Route", result.Incident.ElementId);
        Assert.Same(before, result.State);
        Assert.Equal("Screen", Assert.Single(instance.State.Tokens).ElementId);
        Assert.False(instance.State.Variables.ContainsKey("score"));
    }

    [Fact]
    public void Step_ConditionThrows_RaisesIncidentInsteadOfTreatingItAsFalse()
    {
        var instance = TestInstance.Start(Route("default=\"toLow\""));

        Assert.False(instance.LastResult!.Succeeded);
        Assert.StartsWith("EXPR", instance.LastResult.Incident!.Code);
        Assert.Equal("Route", instance.LastResult.Incident.ElementId);
        Assert.Empty(instance.State.Tokens);
    }

    [Fact]
    public void Step_SeveralIncomingFlows_PassesEachTokenThroughWithoutWaiting()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" />
            <bpmn:parallelGateway id="Fork" />
            <bpmn:exclusiveGateway id="Merge" />
            {UserTask("After")}
            {Flow("f0", "Start", "Fork")}{Flow("a", "Fork", "Merge")}{Flow("b", "Fork", "Merge")}{Flow("f3", "Merge", "After")}
            """);

        var instance = TestInstance.Start(xml);

        Assert.Equal(2, instance.OpenTasks.Count(t => t.ElementId == "After"));
    }
}
