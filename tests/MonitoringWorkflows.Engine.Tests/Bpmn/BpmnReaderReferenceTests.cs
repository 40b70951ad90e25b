using MonitoringWorkflows.Engine.Bpmn;
using static MonitoringWorkflows.Engine.Tests.Bpmn.BpmnXml;

namespace MonitoringWorkflows.Engine.Tests.Bpmn;

/// <summary>References that resolve, but to the wrong place or kind; languages; diagrams; warnings.</summary>
public class BpmnReaderReferenceTests
{
    private const string SubProcess = """
        <bpmn:subProcess id="Sub">
          <bpmn:startEvent id="SubStart" />
          <bpmn:sequenceFlow id="SubFlow" sourceRef="SubStart" targetRef="Inner" />
          <bpmn:task id="Inner" />
        </bpmn:subProcess>
        """;

    [Fact]
    public void Read_FlowIntoSubProcess_ReturnsBpmn013()
    {
        var xml = Around("<bpmn:task id=\"Task\" />" + SubProcess + "<bpmn:sequenceFlow id=\"Across\" sourceRef=\"Task\" targetRef=\"Inner\" />");

        var diagnostic = Rejected(xml, BpmnCodes.CrossesContainer);

        Assert.Equal("Across", diagnostic.ElementId);
        Assert.Contains("task 'Inner' inside subProcess 'Sub'", diagnostic.Message);
    }

    [Fact]
    public void Read_FlowOutOfSubProcess_ReturnsBpmn013()
    {
        var xml = Around("<bpmn:task id=\"Task\" />" + SubProcess.Replace("<bpmn:task id=\"Inner\" />",
            "<bpmn:task id=\"Inner\" /><bpmn:sequenceFlow id=\"Out\" sourceRef=\"Inner\" targetRef=\"End\" />"));

        Assert.Equal("Out", Rejected(xml, BpmnCodes.CrossesContainer).ElementId);
    }

    [Fact]
    public void Read_BoundaryAttachedAcrossSubProcessBorder_ReturnsBpmn013()
    {
        var xml = Around("<bpmn:task id=\"Task\" />" + SubProcess +
            "<bpmn:boundaryEvent id=\"B\" attachedToRef=\"Inner\"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>");

        Assert.Equal("B", Rejected(xml, BpmnCodes.CrossesContainer).ElementId);
    }

    [Fact]
    public void Read_FlowToNodeOfAnotherProcess_ReturnsBpmn013()
    {
        var xml = Around("<bpmn:task id=\"Task\" /><bpmn:sequenceFlow id=\"Across\" sourceRef=\"Task\" targetRef=\"Other\" />")
            .Replace("</bpmn:definitions>", "<bpmn:process id=\"P2\"><bpmn:task id=\"Other\" /></bpmn:process></bpmn:definitions>");

        Assert.Equal("Across", Rejected(xml, BpmnCodes.CrossesContainer).ElementId);
    }

    [Theory]
    [InlineData("groovy")]
    [InlineData("python")]
    public void Read_ScriptInAnotherLanguage_ReturnsBpmn014(string format)
    {
        var xml = Around($"<bpmn:scriptTask id=\"Task\" scriptFormat=\"{format}\"><bpmn:script>x = 1</bpmn:script></bpmn:scriptTask>");

        var diagnostic = Rejected(xml, BpmnCodes.UnsupportedLanguage);

        Assert.Equal("scriptTask 'Task' is written in '" + format + "', but scripts run as JavaScript: rewrite it in JavaScript and set scriptFormat=\"javascript\".", diagnostic.Message);
    }

    [Fact]
    public void Read_ConditionInXPath_ReturnsBpmn014()
    {
        var xml = Process("""
            <bpmn:exclusiveGateway id="G" /><bpmn:task id="A" />
            <bpmn:sequenceFlow id="F" sourceRef="G" targetRef="A"><bpmn:conditionExpression language="http://www.w3.org/1999/XPath">a = 1</bpmn:conditionExpression></bpmn:sequenceFlow>
            """);

        Assert.Equal("F", Rejected(xml, BpmnCodes.UnsupportedLanguage).ElementId);
    }

    [Fact]
    public void Read_ShapeWithoutElement_ReturnsBpmn015()
    {
        var xml = Process("<bpmn:startEvent id=\"S\" />", """
            <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="Plane" bpmnElement="Process_1">
              <bpmndi:BPMNShape id="Shape"><dc:Bounds x="0" y="0" width="1" height="1"/></bpmndi:BPMNShape>
            </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
            """);

        Assert.Equal("Shape", Rejected(xml, BpmnCodes.InvalidDiagram).ElementId);
    }

    [Fact]
    public void Read_TwoShapesForOneElementInOneDiagram_ReturnsBpmn015()
    {
        var xml = Process("<bpmn:startEvent id=\"S\" />", """
            <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="Plane" bpmnElement="Process_1">
              <bpmndi:BPMNShape id="Shape1" bpmnElement="S"><dc:Bounds x="0" y="0" width="1" height="1"/></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Shape2" bpmnElement="S"><dc:Bounds x="5" y="0" width="1" height="1"/></bpmndi:BPMNShape>
            </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
            """);

        Assert.Equal("Shape2", Rejected(xml, BpmnCodes.InvalidDiagram).ElementId);
    }

    [Fact]
    public void Read_MwAttributeWhereNotRead_WarnsBpmn016AndStillReads()
    {
        var result = Read(Around("<bpmn:serviceTask id=\"Task\" mw:action=\"notify\" mw:agency=\"Police\" />"));

        Assert.NotNull(result.Document);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((BpmnCodes.UnknownExtension, DiagnosticSeverity.Warning, "Task"), (warning.Code, warning.Severity, warning.ElementId));
        Assert.Contains("mw:agency", warning.Message);
    }

    [Fact]
    public void Read_MwElementOutsideActivity_WarnsBpmn016()
    {
        var xml = Around("<bpmn:task id=\"Task\" />").Replace("<bpmn:endEvent id=\"End\" />",
            "<bpmn:endEvent id=\"End\"><bpmn:extensionElements><mw:input target=\"a\" source=\"b\" /></bpmn:extensionElements></bpmn:endEvent>");

        Assert.Equal(BpmnCodes.UnknownExtension, Assert.Single(Read(xml).Diagnostics).Code);
    }

    [Theory]
    [InlineData("<bpmn:exclusiveGateway id=\"X\" default=\"F2\" />", "leaves task 'Task'")]
    [InlineData("<bpmn:parallelGateway id=\"X\" default=\"FX\" /><bpmn:sequenceFlow id=\"FX\" sourceRef=\"X\" targetRef=\"End\" />", "parallel gateway")]
    [InlineData("<bpmn:exclusiveGateway id=\"X\" default=\"Task\" />", "not a sequence flow")]
    [InlineData("<bpmn:boundaryEvent id=\"X\" attachedToRef=\"Start\"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>", "not an activity")]
    [InlineData("<bpmn:sequenceFlow id=\"X\" sourceRef=\"Task\" targetRef=\"F2\" />", "not an event, activity or gateway")]
    [InlineData("<bpmn:intermediateCatchEvent id=\"X\"><bpmn:messageEventDefinition messageRef=\"Err\" /></bpmn:intermediateCatchEvent>", "not a message")]
    [InlineData("<bpmn:endEvent id=\"X\"><bpmn:errorEventDefinition errorRef=\"Msg\" /></bpmn:endEvent>", "not an error")]
    public void Read_ReferenceToWrongKind_ReturnsBpmn017(string element, string expected)
    {
        var xml = Around("<bpmn:task id=\"Task\" />" + element, "<bpmn:message id=\"Msg\" name=\"m\" /><bpmn:error id=\"Err\" errorCode=\"E\" />");

        var diagnostic = Rejected(xml, BpmnCodes.InvalidReference);

        Assert.Equal("X", diagnostic.ElementId);
        Assert.Contains(expected, diagnostic.Message);
    }

    [Fact]
    public void Read_LaneListingAnAnnotation_ReturnsBpmn017()
    {
        var xml = Around("""
            <bpmn:task id="Task" /><bpmn:textAnnotation id="Note" />
            <bpmn:laneSet id="Lanes"><bpmn:lane id="Lane"><bpmn:flowNodeRef>Note</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
            """);

        Assert.Equal("Lane", Rejected(xml, BpmnCodes.InvalidReference).ElementId);
    }

    [Fact]
    public void Read_MessageFlowToProcessWithoutPool_ReturnsBpmn017()
    {
        var xml = Around("<bpmn:task id=\"Task\" />", """
            <bpmn:process id="Hidden"><bpmn:task id="HiddenTask" /></bpmn:process>
            <bpmn:collaboration id="C">
              <bpmn:participant id="Pool" processRef="Process_1" />
              <bpmn:messageFlow id="MF" sourceRef="Task" targetRef="HiddenTask" />
            </bpmn:collaboration>
            """);

        Assert.Equal("MF", Rejected(xml, BpmnCodes.InvalidReference).ElementId);
    }

    [Fact]
    public void Read_MessageWithoutName_WarnsBpmn018AndUsesItsId()
    {
        var xml = Around("<bpmn:receiveTask id=\"Task\" messageRef=\"Decision\" />", "<bpmn:message id=\"Decision\" />");

        var result = Read(xml);

        Assert.Equal("Decision", ((Model.ReceiveTask)result.Document!.Processes[0].Node("Task")).MessageName);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((BpmnCodes.NameFallsBackToId, DiagnosticSeverity.Warning, "Decision"), (warning.Code, warning.Severity, warning.ElementId));
    }

    [Theory]
    [InlineData("<bpmn:timerEventDefinition />")]
    [InlineData("<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">  </bpmn:timeDuration></bpmn:timerEventDefinition>")]
    public void Read_TimerWithoutTime_ReturnsBpmn031(string timer)
    {
        var xml = Around($"<bpmn:intermediateCatchEvent id=\"Task\">{timer}</bpmn:intermediateCatchEvent>");

        Assert.Equal("Task", Rejected(xml, BpmnCodes.TimerWithoutDefinition).ElementId);
    }
}
