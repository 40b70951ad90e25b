using MonitoringWorkflows.Engine.Bpmn;
using static MonitoringWorkflows.Engine.Tests.Validation.DefinitionValidatorGraphTests;
using static MonitoringWorkflows.Engine.Tests.Validation.ValidatorXml;

namespace MonitoringWorkflows.Engine.Tests.Validation;

public class DefinitionValidatorFlowTests
{
    [Fact]
    public void Validate_GatewayFlowWithoutConditionOrDefault_ReturnsBpmn023()
    {
        var diagnostics = Validate(Referral(s => s.Replace("<bpmn:exclusiveGateway id=\"Route\" default=\"Low\" />", "<bpmn:exclusiveGateway id=\"Route\" />")));

        Assert.Contains("leaves exclusiveGateway 'Route' without a condition", Single(diagnostics, BpmnCodes.FlowWithoutCondition, "Low").Message);
    }

    [Fact]
    public void Validate_InclusiveGatewayFlowWithoutCondition_ReturnsBpmn023()
    {
        var diagnostics = Validate(Referral(s => s.Replace("<bpmn:exclusiveGateway id=\"Route\" default=\"Low\" />", "<bpmn:inclusiveGateway id=\"Route\" />")));

        Single(diagnostics, BpmnCodes.FlowWithoutCondition, "Low");
    }

    [Fact]
    public void Validate_GatewayWithOneUnconditionalFlow_IsFine()
    {
        var diagnostics = Validate(Referral());

        Assert.DoesNotContain(diagnostics, d => d.Code == BpmnCodes.FlowWithoutCondition);
    }

    [Fact]
    public void Validate_DefaultFlowWithCondition_ReturnsBpmn024()
    {
        var diagnostics = Validate(Referral(s => s.Replace("<bpmn:sequenceFlow id=\"Low\" sourceRef=\"Route\" targetRef=\"Follow\" />",
            "<bpmn:sequenceFlow id=\"Low\" sourceRef=\"Route\" targetRef=\"Follow\"><bpmn:conditionExpression>level == 'low'</bpmn:conditionExpression></bpmn:sequenceFlow>")));

        Single(diagnostics, BpmnCodes.DefaultFlowWithCondition, "Low");
    }

    [Fact]
    public void Validate_ConditionAfterParallelGateway_ReturnsBpmn039()
    {
        var diagnostics = Validate(Referral(s => s
            .Replace("<bpmn:exclusiveGateway id=\"Join\" />", "<bpmn:parallelGateway id=\"Join\" />")
            .Replace("<bpmn:sequenceFlow id=\"F10\" sourceRef=\"Join\" targetRef=\"Wait\" />",
                "<bpmn:sequenceFlow id=\"F10\" sourceRef=\"Join\" targetRef=\"Wait\"><bpmn:conditionExpression>x</bpmn:conditionExpression></bpmn:sequenceFlow>")));

        Assert.Contains("leaves parallelGateway 'Join'", Single(diagnostics, BpmnCodes.ConditionIgnored, "F10").Message);
    }

    [Fact]
    public void Validate_ConditionAfterCatchEvent_ReturnsBpmn039()
    {
        var diagnostics = Validate(Referral(s => s.Replace("<bpmn:sequenceFlow id=\"F11\" sourceRef=\"Wait\" targetRef=\"End\" />",
            "<bpmn:sequenceFlow id=\"F11\" sourceRef=\"Wait\" targetRef=\"End\"><bpmn:conditionExpression>x</bpmn:conditionExpression></bpmn:sequenceFlow>")));

        Single(diagnostics, BpmnCodes.ConditionIgnored, "F11");
    }
}
