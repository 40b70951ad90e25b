using MonitoringWorkflows.Engine.Bpmn;
using static MonitoringWorkflows.Engine.Tests.Bpmn.BpmnXml;

namespace MonitoringWorkflows.Engine.Tests.Bpmn;

/// <summary>Every BPMN element outside the subset is BPMN010 naming the element: rejected, never skipped.</summary>
public class BpmnReaderUnsupportedTests
{
    private const string Timer = "<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>";

    public static TheoryData<string, string, string> Unsupported => new()
    {
        { "<bpmn:eventBasedGateway id=\"Task\" />", "eventBasedGateway", "is not supported" },
        { "<bpmn:complexGateway id=\"Task\" />", "complexGateway", "is not supported" },
        { "<bpmn:sendTask id=\"Task\" />", "sendTask", "is not supported" },
        { "<bpmn:businessRuleTask id=\"Task\" />", "businessRuleTask", "is not supported" },
        { "<bpmn:transaction id=\"Task\" />", "transaction", "is not supported" },
        { "<bpmn:adHocSubProcess id=\"Task\" />", "adHocSubProcess", "is not supported" },
        { "<bpmn:subProcess id=\"Task\" triggeredByEvent=\"true\" />", "subProcess", "event sub-process" },
        { "<bpmn:task id=\"Task\"><bpmn:standardLoopCharacteristics /></bpmn:task>", "task", "standardLoopCharacteristics" },
        { "<bpmn:task id=\"Task\" isForCompensation=\"true\" />", "task", "compensation" },
        { "<bpmn:receiveTask id=\"Task\" messageRef=\"Msg\" instantiate=\"true\" />", "receiveTask", "instantiate" },
        { "<bpmn:intermediateThrowEvent id=\"Task\"><bpmn:signalEventDefinition /></bpmn:intermediateThrowEvent>", "intermediateThrowEvent", "signalEventDefinition" },
        { "<bpmn:intermediateThrowEvent id=\"Task\"><bpmn:escalationEventDefinition /></bpmn:intermediateThrowEvent>", "intermediateThrowEvent", "escalationEventDefinition" },
        { "<bpmn:intermediateThrowEvent id=\"Task\"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent>", "intermediateThrowEvent", "compensateEventDefinition" },
        { "<bpmn:intermediateThrowEvent id=\"Task\"><bpmn:messageEventDefinition messageRef=\"Msg\" /></bpmn:intermediateThrowEvent>", "intermediateThrowEvent", "messageEventDefinition" },
        { "<bpmn:intermediateCatchEvent id=\"Task\"><bpmn:conditionalEventDefinition /></bpmn:intermediateCatchEvent>", "intermediateCatchEvent", "conditionalEventDefinition" },
        { "<bpmn:intermediateCatchEvent id=\"Task\"><bpmn:linkEventDefinition name=\"L\" /></bpmn:intermediateCatchEvent>", "intermediateCatchEvent", "linkEventDefinition" },
        { "<bpmn:intermediateCatchEvent id=\"Task\"><bpmn:eventDefinitionRef>Global</bpmn:eventDefinitionRef></bpmn:intermediateCatchEvent>", "intermediateCatchEvent", "global event definition" },
        { $"<bpmn:intermediateCatchEvent id=\"Task\">{Timer}<bpmn:messageEventDefinition messageRef=\"Msg\" /></bpmn:intermediateCatchEvent>", "intermediateCatchEvent", "multiple event" },
        { "<bpmn:endEvent id=\"Task\"><bpmn:messageEventDefinition messageRef=\"Msg\" /></bpmn:endEvent>", "endEvent", "messageEventDefinition" },
        { "<bpmn:endEvent id=\"Task\"><bpmn:cancelEventDefinition /></bpmn:endEvent>", "endEvent", "cancelEventDefinition" },
        { $"<bpmn:startEvent id=\"Task\">{Timer}</bpmn:startEvent>", "startEvent", "timerEventDefinition" },
        { "<bpmn:startEvent id=\"Task\"><bpmn:messageEventDefinition messageRef=\"Msg\" /></bpmn:startEvent>", "startEvent", "messageEventDefinition" },
        { "<bpmn:task id=\"Task\" /><bpmn:boundaryEvent id=\"B\" attachedToRef=\"Task\" cancelActivity=\"false\"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>", "boundaryEvent", "non-interrupting error" },
        { "<bpmn:task id=\"Task\" /><bpmn:boundaryEvent id=\"B\" attachedToRef=\"Task\"><bpmn:signalEventDefinition /></bpmn:boundaryEvent>", "boundaryEvent", "signalEventDefinition" },
        { "<bpmn:task id=\"Task\" /><bpmn:boundaryEvent id=\"B\" attachedToRef=\"Task\"><bpmn:escalationEventDefinition /></bpmn:boundaryEvent>", "boundaryEvent", "escalationEventDefinition" },
        { "<bpmn:task id=\"Task\" /><bpmn:boundaryEvent id=\"B\" attachedToRef=\"Task\"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>", "boundaryEvent", "compensateEventDefinition" },
        { "<bpmn:task id=\"Task\" /><bpmn:boundaryEvent id=\"B\" attachedToRef=\"Task\"><bpmn:conditionalEventDefinition /></bpmn:boundaryEvent>", "boundaryEvent", "conditionalEventDefinition" },
    };

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void Read_UnsupportedElement_ReturnsBpmn010NamingIdAndType(string element, string type, string expected)
    {
        var xml = Around(element, "<bpmn:message id=\"Msg\" name=\"m\" /><bpmn:signal id=\"Global\" />");

        var diagnostic = Rejected(xml, BpmnCodes.UnsupportedElement);

        Assert.Equal(type, diagnostic.ElementType);
        Assert.Equal(type == "boundaryEvent" ? "B" : "Task", diagnostic.ElementId);
        Assert.StartsWith($"{type} '{diagnostic.ElementId}' ", diagnostic.Message);
        Assert.Contains(expected, diagnostic.Message);
    }

    [Fact]
    public void Read_SeveralUnsupportedElements_ReportsEachOfThem()
    {
        var xml = Around("<bpmn:sendTask id=\"Task\" /><bpmn:complexGateway id=\"G\" /><bpmn:businessRuleTask id=\"R\" />");

        var result = Read(xml);

        Assert.Equal(["Task", "G", "R"], result.Errors.Where(d => d.Code == BpmnCodes.UnsupportedElement).Select(d => d.ElementId));
    }
}
