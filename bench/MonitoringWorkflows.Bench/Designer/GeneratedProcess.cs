using System.Globalization;
using System.Text;

namespace MonitoringWorkflows.Bench.Designer;

/// <summary>
/// A process of a given number of BPMN elements (flow nodes plus sequence flows), with its diagram: a chain of user
/// tasks (agency, form, due time) with an exclusive gateway every tenth node whose two conditional flows meet again,
/// so the validator has assignments, forms, durations, conditions and reachability to check.
/// </summary>
internal static class GeneratedProcess
{
    public static string Build(string key, int elements)
    {
        var process = new StringBuilder();
        var diagram = new StringBuilder();
        var count = 0;
        var x = 100;
        void Shape(string id, int width, int height) =>
            diagram.Append(CultureInfo.InvariantCulture, $"""<bpmndi:BPMNShape id="{id}_di" bpmnElement="{id}"><dc:Bounds x="{x}" y="100" width="{width}" height="{height}"/></bpmndi:BPMNShape>""");
        void Flow(string id, string from, string to, string? condition = null)
        {
            process.Append(CultureInfo.InvariantCulture, $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}">""");
            if (condition is not null) process.Append(CultureInfo.InvariantCulture, $"""<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{condition}</bpmn:conditionExpression>""");
            process.Append("</bpmn:sequenceFlow>");
            count++;
        }
        process.Append("""<bpmn:startEvent id="Start"/>""");
        Shape("Start", 36, 36);
        count++;
        var previous = "Start";
        for (var i = 1; count < elements - 2; i++)
        {
            x += 150;
            var id = $"Node_{i}";
            if (i % 10 == 0)
            {
                process.Append(CultureInfo.InvariantCulture, $"""<bpmn:exclusiveGateway id="{id}"/>""");
                Shape(id, 50, 50);
                Flow($"Flow_{i}_in", previous, id);
                x += 150;
                process.Append(CultureInfo.InvariantCulture, $"""<bpmn:userTask id="{id}_b" mw:role="Chair" mw:dueIn="P5WD"/>""");
                Shape($"{id}_b", 100, 80);
                Flow($"Flow_{i}_high", id, $"{id}_b", $"riskScore &gt;= {i}");
                Flow($"Flow_{i}_low", id, $"{id}_b", $"riskScore &lt; {i}");
                count += 2;
                previous = $"{id}_b";
                continue;
            }
            process.Append(CultureInfo.InvariantCulture, $"""<bpmn:userTask id="{id}" name="Step {i}" mw:agency="Health" mw:formKey="agency-information" mw:dueIn="P3D"/>""");
            Shape(id, 100, 80);
            count++;
            Flow($"Flow_{i}", previous, id);
            previous = id;
        }
        x += 150;
        process.Append("""<bpmn:endEvent id="End"/>""");
        Shape("End", 36, 36);
        Flow("Flow_End", previous, "End");
        count++;
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:mw="urn:monitoringworkflows:bpmn:1" id="Definitions_{key}" targetNamespace="urn:bench">
              <bpmn:process id="{key}" isExecutable="true">{process}</bpmn:process>
              <bpmndi:BPMNDiagram id="Diagram_{key}"><bpmndi:BPMNPlane id="Plane_{key}" bpmnElement="{key}">{diagram}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;
    }

    /// <summary>Flow nodes plus sequence flows in a file made by <see cref="Build"/>.</summary>
    public static int CountElements(string xml) =>
        CountOf(xml, "<bpmn:userTask ") + CountOf(xml, "<bpmn:exclusiveGateway ") + CountOf(xml, "<bpmn:startEvent ")
        + CountOf(xml, "<bpmn:endEvent ") + CountOf(xml, "<bpmn:sequenceFlow ");

    private static int CountOf(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
