using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Model;
using static MonitoringWorkflows.Engine.Tests.Workflows.WorkflowFiles;

namespace MonitoringWorkflows.Engine.Tests.Workflows;

/// <summary>The default processes and forms belong together: they read, they render, and no form is missing.</summary>
public class WorkflowFilesTests
{
    public static TheoryData<string> Files => new(BpmnFileNames);

    [Fact]
    public void TheFourDefaultProcessesShip()
    {
        Assert.Equal(["at-risk-family-follow-up.bpmn", "group-review.bpmn", "protective-measures.bpmn", "violence-report-referral.bpmn"],
            BpmnFileNames);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void DefaultProcess_ReadsWithoutDiagnostics_AndIsExecutable(string file)
    {
        var result = new BpmnReader().Read(Xml(file));

        Assert.Empty(result.Diagnostics);
        Assert.True(Assert.Single(result.Document!.Processes).IsExecutable);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void DefaultProcess_HasALayoutForEveryElementAndFlow_SoTheDiagramRenders(string file)
    {
        var document = Document(file);
        var process = document.Descendants(BpmnNs + "process").Single();
        var semantic = process.Elements().Where(e => e.Name.LocalName is not ("documentation" or "extensionElements"))
            .Select(e => (string?)e.Attribute("id")).ToHashSet();
        var drawn = document.Descendants().Where(e => e.Name == BpmnDiNs + "BPMNShape" || e.Name == BpmnDiNs + "BPMNEdge")
            .Select(e => (string?)e.Attribute("bpmnElement")).ToHashSet();

        Assert.Empty(semantic.Except(drawn));
        Assert.Empty(drawn.Except(semantic).Except([(string?)process.Attribute("id")]));
    }

    [Fact]
    public void EveryFormKeyUsed_HasAFormFile_AndEveryFormFileIsUsed()
    {
        var used = BpmnFileNames.SelectMany(file => Read(file).AllNodes.OfType<UserTask>()).Select(t => t.FormKey).ToHashSet();

        Assert.DoesNotContain(null, used);
        Assert.Equal(used.Order(StringComparer.Ordinal), FormKeys);
    }

    [Fact]
    public void EveryUserTask_GoesToAnAgencyOrARole()
    {
        var tasks = BpmnFileNames.SelectMany(file => Read(file).AllNodes.OfType<UserTask>()).ToList();

        Assert.All(tasks, t => Assert.True(t.Agency is not null ^ t.Role is not null, $"{t.Describe()} needs an agency or a role"));
        Assert.All(tasks, t => Assert.NotNull(t.DueIn));
    }

    [Fact]
    public void CallActivities_CallDefaultProcesses()
    {
        var ids = BpmnFileNames.Select(file => Read(file).Id).ToHashSet();
        var called = BpmnFileNames.SelectMany(file => Read(file).AllNodes.OfType<CallActivity>()).Select(c => c.CalledElement).ToList();

        Assert.Equal(["protectiveMeasures", "groupReview"], called);
        Assert.Subset(ids, called.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(FormKeyData))]
    public void FormFile_IsAFormJsSchemaNamedAfterItsKey(string formKey)
    {
        var form = JsonNode.Parse(FormJson(formKey))!.AsObject();
        var components = form["components"]!.AsArray().Select(c => c!.AsObject()).ToList();

        Assert.Equal((formKey, "default"), ((string?)form["id"], (string?)form["type"]));
        Assert.True((int)form["schemaVersion"]! >= 16);
        Assert.Equal(components.Count, components.Select(c => (string?)c["id"]).Distinct().Count());
        var keyed = components.Where(c => c["key"] is not null).ToList();
        Assert.Equal(keyed.Count, keyed.Select(c => (string?)c["key"]).Distinct().Count());
        Assert.All(keyed, c => Assert.False(string.IsNullOrWhiteSpace((string?)c["label"]), $"{formKey}: {c["key"]} has no label"));
        Assert.All(components.Where(c => (string?)c["type"] is "select" or "radio" or "checklist"),
            c => Assert.NotEmpty(c["values"]!.AsArray()));
    }

    public static TheoryData<string> FormKeyData => new(FormKeys);

    private static ProcessDefinition Read(string file) => new BpmnReader().Read(Xml(file)).Document!.MainProcess!;
}
