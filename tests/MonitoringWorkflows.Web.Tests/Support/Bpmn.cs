namespace MonitoringWorkflows.Web.Tests.Support;

/// <summary>Small BPMN documents for runner tests.</summary>
internal static class Bpmn
{
    public static string Process(string id, string content, string extraDefinitions = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                          xmlns:mw="urn:monitoringworkflows:bpmn:1"
                          id="Definitions_{id}" targetNamespace="urn:test">
          {extraDefinitions}
          <bpmn:process id="{id}" name="{id} process" isExecutable="true">
            {content}
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static string Flow(string id, string source, string target, string? condition = null) => condition is null
        ? $"""<bpmn:sequenceFlow id="{id}" sourceRef="{source}" targetRef="{target}" />"""
        : $"""<bpmn:sequenceFlow id="{id}" sourceRef="{source}" targetRef="{target}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"><![CDATA[{condition}]]></bpmn:conditionExpression></bpmn:sequenceFlow>""";

    public static string UserTask(string id, string agency = "Police") =>
        $"""<bpmn:userTask id="{id}" name="Step {id}" mw:agency="{agency}" />""";

    /// <summary>start → the given elements in a row → end.</summary>
    public static string Sequence(string id, params string[] elements)
    {
        var ids = elements.Select(e => System.Text.RegularExpressions.Regex.Match(e, "id=\"([^\"]+)\"").Groups[1].Value).ToList();
        var chain = new[] { "Start" }.Concat(ids).Append("End").ToList();
        var flows = chain.Zip(chain.Skip(1), (a, b) => Flow($"F_{a}_{b}", a, b));
        return Process(id, $"""
            <bpmn:startEvent id="Start" />
            {string.Join("\n", elements)}
            <bpmn:endEvent id="End" />
            {string.Join("\n", flows)}
            """);
    }
}
