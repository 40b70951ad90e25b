using MonitoringWorkflows.Engine.Bpmn;
using static MonitoringWorkflows.Engine.Tests.Bpmn.BpmnXml;
using static MonitoringWorkflows.Engine.Tests.Validation.ValidatorXml;

namespace MonitoringWorkflows.Engine.Tests.Validation;

public class DefinitionValidatorGraphTests
{
    /// <summary>Every supported element, correctly wired: nothing to report.</summary>
    public const string ReferralProcess = """
        <bpmn:startEvent id="Start" />
        <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Screen" />
        <bpmn:userTask id="Screen" mw:role="Registrar" mw:formKey="risk-screening" mw:dueIn="PT24H" />
        <bpmn:boundaryEvent id="Overdue" attachedToRef="Screen" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT24H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="F2" sourceRef="Overdue" targetRef="Remind" />
        <bpmn:serviceTask id="Remind" mw:action="notify"><bpmn:extensionElements><mw:input target="role" source="Chair" /></bpmn:extensionElements></bpmn:serviceTask>
        <bpmn:sequenceFlow id="F3" sourceRef="Remind" targetRef="RemindEnd" />
        <bpmn:endEvent id="RemindEnd" />
        <bpmn:sequenceFlow id="F4" sourceRef="Screen" targetRef="Level" />
        <bpmn:scriptTask id="Level" scriptFormat="javascript"><bpmn:script>level = score >= 14 ? 'high' : 'low';</bpmn:script></bpmn:scriptTask>
        <bpmn:sequenceFlow id="F5" sourceRef="Level" targetRef="Route" />
        <bpmn:exclusiveGateway id="Route" default="Low" />
        <bpmn:sequenceFlow id="High" sourceRef="Route" targetRef="Refer"><bpmn:conditionExpression>=level == 'high'</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="Low" sourceRef="Route" targetRef="Follow" />
        <bpmn:userTask id="Refer" mw:agency="=agency">
          <bpmn:multiInstanceLoopCharacteristics mw:collection="=agencies" mw:elementVariable="agency" />
        </bpmn:userTask>
        <bpmn:sequenceFlow id="F6" sourceRef="Refer" targetRef="Review" />
        <bpmn:subProcess id="Review">
          <bpmn:startEvent id="ReviewStart" />
          <bpmn:sequenceFlow id="R1" sourceRef="ReviewStart" targetRef="Decision" />
          <bpmn:intermediateCatchEvent id="Decision"><bpmn:messageEventDefinition messageRef="Msg" /></bpmn:intermediateCatchEvent>
          <bpmn:sequenceFlow id="R2" sourceRef="Decision" targetRef="ReviewEnd" />
          <bpmn:endEvent id="ReviewEnd" />
        </bpmn:subProcess>
        <bpmn:boundaryEvent id="Refused" attachedToRef="Review"><bpmn:errorEventDefinition errorRef="Err" /></bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="F7" sourceRef="Refused" targetRef="Join" />
        <bpmn:sequenceFlow id="F8" sourceRef="Review" targetRef="Join" />
        <bpmn:sequenceFlow id="F9" sourceRef="Follow" targetRef="Join" />
        <bpmn:callActivity id="Follow" calledElement="protective-measures" />
        <bpmn:exclusiveGateway id="Join" />
        <bpmn:sequenceFlow id="F10" sourceRef="Join" targetRef="Wait" />
        <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:sequenceFlow id="F11" sourceRef="Wait" targetRef="End" />
        <bpmn:endEvent id="End"><bpmn:terminateEventDefinition /></bpmn:endEvent>
        """;

    public const string Roots = "<bpmn:message id=\"Msg\" name=\"meeting-decision\" /><bpmn:error id=\"Err\" errorCode=\"REFUSED\" />";

    public static string Referral(Func<string, string>? change = null) => Process((change ?? (s => s))(ReferralProcess), Roots);

    [Fact]
    public void Validate_ReferralUsingEverySupportedElement_ReturnsNothing()
    {
        Assert.Empty(Validate(Referral()));
    }

    [Fact]
    public void Validate_ProcessWithoutStart_ReturnsBpmn020()
    {
        var diagnostics = Validate(Process("<bpmn:task id=\"T\" /><bpmn:sequenceFlow id=\"F\" sourceRef=\"T\" targetRef=\"E\" /><bpmn:endEvent id=\"E\" />"));

        var diagnostic = Single(diagnostics, BpmnCodes.StartEventCount, "Process_1");
        Assert.Equal("process", diagnostic.ElementType);
    }

    [Fact]
    public void Validate_TwoStartEvents_ReturnsBpmn020()
    {
        var diagnostics = Validate(Referral(s => s.Replace("<bpmn:startEvent id=\"Start\" />",
            "<bpmn:startEvent id=\"Start\" /><bpmn:startEvent id=\"Start2\" /><bpmn:sequenceFlow id=\"F0\" sourceRef=\"Start2\" targetRef=\"Screen\" />")));

        Assert.Contains("2 start events (Start, Start2)", Single(diagnostics, BpmnCodes.StartEventCount, "Process_1").Message);
    }

    [Fact]
    public void Validate_SubProcessWithoutStart_ReturnsBpmn020ForTheSubProcess()
    {
        var diagnostics = Validate(Referral(s => s.Replace("<bpmn:startEvent id=\"ReviewStart\" />", "<bpmn:task id=\"ReviewStart\" />")));

        Assert.Equal("subProcess", Single(diagnostics, BpmnCodes.StartEventCount, "Review").ElementType);
    }

    [Fact]
    public void Validate_StartWithIncomingFlow_ReturnsBpmn021()
    {
        var diagnostics = Validate(Referral(s => s + "<bpmn:sequenceFlow id=\"Back\" sourceRef=\"Level\" targetRef=\"Start\" />"));

        Single(diagnostics, BpmnCodes.IncomingNotAllowed, "Start");
    }

    [Fact]
    public void Validate_BoundaryWithIncomingFlow_ReturnsBpmn021()
    {
        var diagnostics = Validate(Referral(s => s + "<bpmn:sequenceFlow id=\"Back\" sourceRef=\"Level\" targetRef=\"Overdue\" />"));

        Single(diagnostics, BpmnCodes.IncomingNotAllowed, "Overdue");
    }

    [Fact]
    public void Validate_EndWithOutgoingFlow_ReturnsBpmn022()
    {
        var diagnostics = Validate(Referral(s => s + "<bpmn:sequenceFlow id=\"After\" sourceRef=\"RemindEnd\" targetRef=\"Join\" />"));

        Single(diagnostics, BpmnCodes.OutgoingFromEnd, "RemindEnd");
    }

    [Fact]
    public void Validate_UnreachableTask_ReturnsBpmn032()
    {
        var diagnostics = Validate(Referral(s => s + "<bpmn:task id=\"Orphan\" /><bpmn:sequenceFlow id=\"O\" sourceRef=\"Orphan\" targetRef=\"End\" />"));

        Assert.Equal("task 'Orphan' cannot be reached from the start event: connect a sequence flow to it, or remove it.",
            Single(diagnostics, BpmnCodes.Unreachable, "Orphan").Message);
    }

    [Fact]
    public void Validate_UnreachableSubProcess_ReportsOnlyTheSubProcess()
    {
        var diagnostics = Validate(Referral(s => s.Replace("<bpmn:sequenceFlow id=\"F6\" sourceRef=\"Refer\" targetRef=\"Review\" />",
            "<bpmn:sequenceFlow id=\"F6\" sourceRef=\"Refer\" targetRef=\"Join\" />")));

        Single(diagnostics, BpmnCodes.Unreachable, "Review");
    }

    [Fact]
    public void Validate_PathOnlyFromBoundaryEvent_CountsAsReachable()
    {
        var diagnostics = Validate(Referral());

        Assert.DoesNotContain(diagnostics, d => d.ElementId is "Remind" or "RemindEnd" or "Overdue");
    }

    [Theory]
    [InlineData("<bpmn:task id=\"Stuck\" /><bpmn:sequenceFlow id=\"In\" sourceRef=\"Route\" targetRef=\"Stuck\"><bpmn:conditionExpression>x</bpmn:conditionExpression></bpmn:sequenceFlow>", "Stuck")]
    [InlineData("<bpmn:boundaryEvent id=\"Stuck\" attachedToRef=\"Follow\"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>", "Stuck")]
    public void Validate_NodeWithoutOutgoingFlow_ReturnsBpmn033(string addition, string id)
    {
        var diagnostics = Validate(Referral(s => s + addition));

        Assert.Contains("has no outgoing sequence flow", Single(diagnostics, BpmnCodes.DeadEnd, id).Message);
    }
}
