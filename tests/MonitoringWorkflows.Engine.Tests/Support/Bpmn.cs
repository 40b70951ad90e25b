namespace MonitoringWorkflows.Engine.Tests.Support;

/// <summary>Wraps process content in a BPMN definitions document with our namespaces, for compact tests.</summary>
internal static class Bpmn
{
    public static string Process(string content, string id = "Process_1", string extraDefinitions = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                          xmlns:mw="urn:monitoringworkflows:bpmn:1"
                          id="Definitions_1" targetNamespace="urn:test">
          {extraDefinitions}
          <bpmn:process id="{id}" isExecutable="true">
            {content}
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A sequence flow; <paramref name="condition"/> becomes a JavaScript condition expression.</summary>
    public static string Flow(string id, string source, string target, string? condition = null) => condition is null
        ? $"""<bpmn:sequenceFlow id="{id}" sourceRef="{source}" targetRef="{target}" />"""
        : $"""<bpmn:sequenceFlow id="{id}" sourceRef="{source}" targetRef="{target}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"><![CDATA[{condition}]]></bpmn:conditionExpression></bpmn:sequenceFlow>""";

    public static string UserTask(string id, string agency = "Police", string extra = "", string body = "") =>
        $"""<bpmn:userTask id="{id}" mw:agency="{agency}" {extra}>{body}</bpmn:userTask>""";

    public static string RoleTask(string id, string role) => $"""<bpmn:userTask id="{id}" mw:role="{role}" />""";
}
