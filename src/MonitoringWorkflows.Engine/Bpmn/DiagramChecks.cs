using System.Xml.Linq;

namespace MonitoringWorkflows.Engine.Bpmn;

/// <summary>
/// The diagram (BPMN DI) is not executed, but the designer and the case monitor draw it: a shape that names no
/// element, names a missing one, or a second shape for the same element would be drawn wrong or not at all.
/// </summary>
internal static class DiagramChecks
{
    private static readonly XName[] Drawn = [BpmnNames.Di + "BPMNPlane", BpmnNames.Di + "BPMNShape", BpmnNames.Di + "BPMNEdge"];

    public static void Run(ReadContext context)
    {
        foreach (var diagram in context.Definitions.Elements(BpmnNames.Di + "BPMNDiagram"))
        {
            // Several diagrams may each draw the same element; within one diagram, one shape per element.
            var drawnBy = new Dictionary<string, XElement>(StringComparer.Ordinal);
            foreach (var element in diagram.Descendants().Where(e => Drawn.Contains(e.Name)))
                Check(context, element, drawnBy);
        }
    }

    private static void Check(ReadContext context, XElement element, Dictionary<string, XElement> drawnBy)
    {
        var id = ReadContext.Ref(element, "bpmnElement");
        if (id is null)
        {
            context.Error(BpmnCodes.InvalidDiagram, element,
                "draws no BPMN element (bpmnElement is missing): remove it, or save the diagram again from the designer.");
            return;
        }
        if (context.Resolve(element, "bpmnElement", id, "remove the shape or save the diagram again from the designer") is null) return;
        // A plane may legitimately show the element that another plane's shape also draws (a collapsed sub-process).
        if (element.Name.LocalName == "BPMNPlane") return;
        if (drawnBy.TryGetValue(id, out var first))
            context.Error(BpmnCodes.InvalidDiagram, element,
                $"draws '{id}', which {ReadContext.Describe(first)} already draws: remove one of the two.");
        else
            drawnBy[id] = element;
    }
}
