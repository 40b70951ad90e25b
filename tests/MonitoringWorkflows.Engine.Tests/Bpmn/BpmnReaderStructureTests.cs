using MonitoringWorkflows.Engine.Bpmn;
using static MonitoringWorkflows.Engine.Tests.Bpmn.BpmnXml;

namespace MonitoringWorkflows.Engine.Tests.Bpmn;

/// <summary>Files that are XML but broken as BPMN: ids, references, containers, diagrams.</summary>
public class BpmnReaderStructureTests
{
    [Fact]
    public void Read_DuplicateIds_ReturnsBpmn003()
    {
        var xml = Around("<bpmn:task id=\"Task\" /><bpmn:task id=\"Start\" />");

        var diagnostic = Rejected(xml, BpmnCodes.DuplicateId);

        Assert.Equal("Start", diagnostic.ElementId);
        Assert.Equal("task", diagnostic.ElementType);
        Assert.Equal("task 'Start' has the same id as the startEvent before it: ids must be unique in a file, rename one of them.", diagnostic.Message);
    }

    [Theory]
    [InlineData("<definitions xmlns=\"http://not-bpmn\"><process id=\"P\"/></definitions>")]
    [InlineData("<definitions><process id=\"P\"/></definitions>")]
    [InlineData("<bpmn:process xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"P\"/>")]
    [InlineData("<html><body>hello</body></html>")]
    public void Read_WrongRootOrNamespace_ReturnsBpmn005(string xml)
    {
        var diagnostic = Rejected(xml, BpmnCodes.NotBpmn);

        Assert.Contains("not BPMN 2.0 definitions", diagnostic.Message);
    }

    [Fact]
    public void Read_UndeclaredElementPrefix_ReturnsBpmn006()
    {
        var xml = Definitions("<bpmn:process id=\"P\"><camunda:thing/></bpmn:process>");

        var diagnostic = Rejected(xml, BpmnCodes.UndeclaredPrefix);

        Assert.Contains("'camunda' is an undeclared prefix", diagnostic.Message);
    }

    [Fact]
    public void Read_UndeclaredPrefixInXsiType_ReturnsBpmn006NamingTheElement()
    {
        var xml = Process("""
            <bpmn:exclusiveGateway id="G" />
            <bpmn:task id="A" />
            <bpmn:sequenceFlow id="F" sourceRef="G" targetRef="A"><bpmn:conditionExpression xsi:type="model:tFormalExpression">x</bpmn:conditionExpression></bpmn:sequenceFlow>
            """);

        var diagnostic = Rejected(xml, BpmnCodes.UndeclaredPrefix);

        Assert.Equal("conditionExpression", diagnostic.ElementType);
        Assert.Contains("'model'", diagnostic.Message);
    }

    [Fact]
    public void Read_DefinitionsWithoutProcess_ReturnsBpmn007()
    {
        var diagnostic = Rejected(Definitions("<bpmn:message id=\"M\" name=\"m\"/>"), BpmnCodes.NoProcess);

        Assert.Equal("Definitions_1", diagnostic.ElementId);
    }

    [Theory]
    [InlineData("<bpmn:sequenceFlow id=\"X\" sourceRef=\"Nowhere\" targetRef=\"End\" />", "Nowhere")]
    [InlineData("<bpmn:sequenceFlow id=\"X\" sourceRef=\"Task\" targetRef=\"Nowhere\" />", "Nowhere")]
    [InlineData("<bpmn:boundaryEvent id=\"X\" attachedToRef=\"Nowhere\"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>", "Nowhere")]
    [InlineData("<bpmn:exclusiveGateway id=\"X\" default=\"Nowhere\" />", "Nowhere")]
    [InlineData("<bpmn:intermediateCatchEvent id=\"X\"><bpmn:messageEventDefinition messageRef=\"Nowhere\" /></bpmn:intermediateCatchEvent>", "Nowhere")]
    [InlineData("<bpmn:endEvent id=\"X\"><bpmn:errorEventDefinition errorRef=\"Nowhere\" /></bpmn:endEvent>", "Nowhere")]
    [InlineData("<bpmn:receiveTask id=\"X\" messageRef=\"Nowhere\" />", "Nowhere")]
    public void Read_DanglingReference_ReturnsBpmn008NamingTheElement(string element, string missing)
    {
        var diagnostic = Rejected(Around("<bpmn:task id=\"Task\" />" + element), BpmnCodes.DanglingReference);

        Assert.Equal("X", diagnostic.ElementId);
        Assert.Contains($"'{missing}', which does not exist", diagnostic.Message);
    }

    [Fact]
    public void Read_ParticipantWithMissingProcess_ReturnsBpmn008()
    {
        var xml = Process("<bpmn:startEvent id=\"S\" />",
            "<bpmn:collaboration id=\"C\"><bpmn:participant id=\"Pool\" processRef=\"Gone\" /></bpmn:collaboration>");

        Assert.Equal("Pool", Rejected(xml, BpmnCodes.DanglingReference).ElementId);
    }

    [Fact]
    public void Read_DiagramShapeForMissingElement_ReturnsBpmn008()
    {
        var xml = Process("<bpmn:startEvent id=\"S\" />", """
            <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="Plane" bpmnElement="Process_1">
              <bpmndi:BPMNShape id="Shape" bpmnElement="Gone"><dc:Bounds x="0" y="0" width="1" height="1"/></bpmndi:BPMNShape>
            </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
            """);

        Assert.Equal("Shape", Rejected(xml, BpmnCodes.DanglingReference).ElementId);
    }

    [Theory]
    [InlineData("<bpmn:boundaryEvent id=\"X\"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>", "attachedToRef")]
    [InlineData("<bpmn:callActivity id=\"X\" />", "calledElement")]
    [InlineData("<bpmn:intermediateCatchEvent id=\"X\" />", "no event definition")]
    [InlineData("<bpmn:boundaryEvent id=\"X\" attachedToRef=\"Task\" />", "no event definition")]
    [InlineData("<bpmn:intermediateCatchEvent id=\"X\"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>", "which message")]
    [InlineData("<bpmn:receiveTask id=\"X\" />", "which message")]
    [InlineData("<bpmn:sequenceFlow id=\"X\" sourceRef=\"Task\" />", "no targetRef")]
    public void Read_MissingRequiredPart_ReturnsBpmn009(string element, string expected)
    {
        var diagnostic = Rejected(Around("<bpmn:task id=\"Task\" />" + element), BpmnCodes.MissingRequiredPart);

        Assert.Equal("X", diagnostic.ElementId);
        Assert.Contains(expected, diagnostic.Message);
    }

    [Fact]
    public void Read_FlowNodeWithoutId_ReturnsBpmn009()
    {
        var diagnostic = Rejected(Around("<bpmn:task id=\"Task\" /><bpmn:userTask name=\"anonymous\" />"), BpmnCodes.MissingRequiredPart);

        Assert.Equal("userTask", diagnostic.ElementType);
        Assert.Contains("at line", diagnostic.Message);
    }

    [Fact]
    public void Read_UnknownElementInDefinitions_ReturnsBpmn011()
    {
        var xml = Process("<bpmn:startEvent id=\"S\" />", "<bpmn:categoryValue id=\"CV\" value=\"x\" /><someElement a=\"b\" />");

        var result = Read(xml);

        Assert.Equal(["CV", null], result.Errors.Where(d => d.Code == BpmnCodes.UnknownElement).Select(d => d.ElementId));
    }

    [Fact]
    public void Read_UnknownElementInProcess_ReturnsBpmn011()
    {
        var diagnostic = Rejected(Around("<bpmn:task id=\"Task\" /><bpmn:unrecognized id=\"U\" />"), BpmnCodes.UnknownElement);

        Assert.Equal("unrecognized 'U' is not allowed in process 'Process_1': remove it.", diagnostic.Message);
    }

    [Fact]
    public void Read_ForeignExtensionAndArtifacts_AreIgnored()
    {
        var xml = Around("""
            <bpmn:task id="Task"><bpmn:documentation>why</bpmn:documentation></bpmn:task>
            <bpmn:textAnnotation id="Note"><bpmn:text>hello</bpmn:text></bpmn:textAnnotation>
            <bpmn:association id="Assoc" sourceRef="Note" targetRef="Task" />
            <bpmn:dataObject id="Data" /><bpmn:dataObjectReference id="DataRef" dataObjectRef="Data" />
            <bpmn:laneSet id="Lanes"><bpmn:lane id="Lane"><bpmn:flowNodeRef>Task</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
            """).Replace("<bpmn:process ", "<bpmn:process xmlns:other=\"urn:other\" ").Replace("<bpmn:startEvent id=\"Start\" />", "<bpmn:startEvent id=\"Start\"><bpmn:extensionElements><other:x /></bpmn:extensionElements></bpmn:startEvent>");

        var result = Read(xml);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(3, result.Document!.Processes[0].AllNodes.Count);
    }
}
