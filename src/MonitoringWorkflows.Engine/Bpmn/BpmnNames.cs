using System.Xml.Linq;

namespace MonitoringWorkflows.Engine.Bpmn;

/// <summary>The namespaces and element vocabulary the reader sorts BPMN elements by.</summary>
internal static class BpmnNames
{
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Di = "http://www.omg.org/spec/BPMN/20100524/DI";
    public static readonly XNamespace DdDi = "http://www.omg.org/spec/DD/20100524/DI";
    public static readonly XNamespace DdDc = "http://www.omg.org/spec/DD/20100524/DC";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Our extension namespace (prefix <c>mw</c>).</summary>
    public static readonly XNamespace Mw = "urn:monitoringworkflows:bpmn:1";

    /// <summary>Flow elements the engine executes.</summary>
    public static readonly HashSet<string> SupportedFlowNodes =
    [
        "startEvent", "endEvent", "intermediateThrowEvent", "intermediateCatchEvent", "boundaryEvent",
        "task", "userTask", "serviceTask", "scriptTask", "manualTask", "receiveTask", "subProcess", "callActivity",
        "exclusiveGateway", "parallelGateway", "inclusiveGateway",
    ];

    /// <summary>Flow elements BPMN defines but the engine does not run: rejected, never skipped.</summary>
    public static readonly HashSet<string> UnsupportedFlowNodes =
    [
        "sendTask", "businessRuleTask", "eventBasedGateway", "complexGateway", "transaction", "adHocSubProcess",
        "callChoreography", "choreographyTask", "subChoreography", "implicitThrowEvent",
    ];

    /// <summary>Children of a process or sub-process that describe data, people or pictures, not execution.</summary>
    public static readonly HashSet<string> IgnoredInContainer =
    [
        "documentation", "extensionElements", "laneSet", "dataObject", "dataObjectReference", "dataStoreReference", "dataStore",
        "textAnnotation", "association", "group", "ioSpecification", "ioBinding", "property", "auditing", "monitoring",
        "performer", "humanPerformer", "potentialOwner", "resourceRole", "correlationSubscription", "supports",
    ];

    /// <summary>
    /// Children a sub-process has as an activity rather than as a container: read by the activity reader
    /// (loops), or not executed (flow references, data associations).
    /// </summary>
    public static readonly HashSet<string> ActivityParts =
    [
        "incoming", "outgoing", "multiInstanceLoopCharacteristics", "standardLoopCharacteristics", "loopCharacteristics",
        "dataInputAssociation", "dataOutputAssociation",
    ];

    /// <summary>Elements allowed directly in <c>definitions</c>.</summary>
    public static readonly HashSet<string> RootElements =
    [
        "documentation", "extensionElements", "import", "extension", "process", "collaboration", "message", "error",
        "signal", "escalation", "category", "dataStore", "itemDefinition", "interface", "resource", "endPoint",
        "correlationProperty", "partnerEntity", "partnerRole", "relationship", "choreography", "conversation",
        "globalTask", "globalUserTask", "globalScriptTask", "globalManualTask", "globalBusinessRuleTask",
        "timerEventDefinition", "messageEventDefinition", "errorEventDefinition", "signalEventDefinition",
        "escalationEventDefinition", "compensateEventDefinition", "conditionalEventDefinition",
        "linkEventDefinition", "cancelEventDefinition", "terminateEventDefinition",
    ];

    public static readonly HashSet<string> Activities =
        ["task", "userTask", "serviceTask", "scriptTask", "manualTask", "receiveTask", "subProcess", "callActivity",
         "sendTask", "businessRuleTask", "transaction", "adHocSubProcess"];

    /// <summary>Script and expression languages read as JavaScript (compared without case).</summary>
    public static readonly HashSet<string> JavaScriptLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        "javascript", "js", "ecmascript", "text/javascript", "application/javascript", "application/ecmascript",
    };

    public static bool IsFlowNode(string localName) =>
        SupportedFlowNodes.Contains(localName) || UnsupportedFlowNodes.Contains(localName);

    public static bool IsBpmn(XElement element) => element.Name.Namespace == Model;

    public static string? Id(XElement element) => (string?)element.Attribute("id");
}
