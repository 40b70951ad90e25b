using System.Security;
using System.Text.Json;
using System.Text.Json.Nodes;
using MonitoringWorkflows.Web.Designer.Drafts;

namespace MonitoringWorkflows.Web.Designer;

/// <summary>What a new definition starts as: a process with only its start event, or a form without fields.</summary>
public static class BlankDefinitions
{
    public static string Of(DefinitionKind kind, string key, string name) =>
        kind == DefinitionKind.Process ? Process(key, name) : Form(key, name);

    public static string Process(string key, string name)
    {
        var id = SecurityElement.Escape(key);
        var title = SecurityElement.Escape(name);
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:mw="urn:monitoringworkflows:bpmn:1" id="Definitions_{id}" targetNamespace="urn:monitoringworkflows:workflows">
              <bpmn:process id="{id}" name="{title}" isExecutable="true">
                <bpmn:startEvent id="StartEvent_1" />
              </bpmn:process>
              <bpmndi:BPMNDiagram id="Diagram_{id}">
                <bpmndi:BPMNPlane id="Plane_{id}" bpmnElement="{id}">
                  <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
                    <dc:Bounds x="180" y="160" width="36" height="36" />
                  </bpmndi:BPMNShape>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;
    }

    public static string Form(string key, string name) => new JsonObject
    {
        ["type"] = "default",
        ["id"] = key,
        ["name"] = name,
        ["components"] = new JsonArray(),
        ["schemaVersion"] = 16,
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
