using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Validation;
using static MonitoringWorkflows.Engine.Tests.Bpmn.BpmnXml;
using static MonitoringWorkflows.Engine.Tests.Validation.ValidatorXml;

namespace MonitoringWorkflows.Engine.Tests.Validation;

public class DefinitionValidatorCallTests
{
    private static string Caller(string id, string calledElement) => $"""
        <bpmn:process id="{id}" isExecutable="true">
          <bpmn:startEvent id="{id}_Start" />
          <bpmn:sequenceFlow id="{id}_F1" sourceRef="{id}_Start" targetRef="{id}_Call" />
          <bpmn:callActivity id="{id}_Call" calledElement="{calledElement}" />
          <bpmn:sequenceFlow id="{id}_F2" sourceRef="{id}_Call" targetRef="{id}_End" />
          <bpmn:endEvent id="{id}_End" />
        </bpmn:process>
        """;

    private static ValidationContext WithPublished(Dictionary<string, string[]> published)
    {
        var context = Context();
        return new ValidationContext
        {
            Expressions = context.Expressions,
            KnownProcessIds = published.Keys.ToHashSet(),
            CalledElementsOf = id => published.TryGetValue(id, out var called) ? called : null,
        };
    }

    [Fact]
    public void Validate_CallToUnknownProcess_ReturnsBpmn034()
    {
        var diagnostics = Validate(Definitions(Caller("main", "nowhere")));

        Assert.Contains("'nowhere'", Single(diagnostics, BpmnCodes.UnknownCalledProcess, "main_Call").Message);
    }

    [Fact]
    public void Validate_CallToPublishedOrSameFileProcess_IsFine()
    {
        Assert.Empty(Validate(Definitions(Caller("main", "protective-measures"))));
        Assert.Empty(Validate(Definitions(Caller("main", "helper") + Caller("helper", "protective-measures"))));
    }

    [Fact]
    public void Validate_CallToItself_ReturnsBpmn035()
    {
        Single(Validate(Definitions(Caller("main", "main"))), BpmnCodes.CallsItself, "main_Call");
    }

    [Fact]
    public void Validate_CycleInsideOneFile_ReturnsBpmn036ForEachCaller()
    {
        var diagnostics = Validate(Definitions(Caller("a", "b") + Caller("b", "a")));

        Assert.Equal([(BpmnCodes.CallCycle, "a_Call"), (BpmnCodes.CallCycle, "b_Call")], diagnostics.Select(d => (d.Code, d.ElementId!)));
        Assert.Contains("(a → b → a)", diagnostics[0].Message);
    }

    [Fact]
    public void Validate_CycleThroughPublishedProcesses_ReturnsBpmn036()
    {
        var context = WithPublished(new() { ["review"] = ["measures"], ["measures"] = ["main"] });

        var diagnostic = Single(Validate(Definitions(Caller("main", "review")), context), BpmnCodes.CallCycle, "main_Call");

        Assert.Contains("(main → review → measures → main)", diagnostic.Message);
    }

    [Fact]
    public void Validate_PublishedProcessesWithoutCycle_IsFine()
    {
        var context = WithPublished(new() { ["review"] = ["measures"], ["measures"] = [] });

        Assert.Empty(Validate(Definitions(Caller("main", "review")), context));
    }
}
