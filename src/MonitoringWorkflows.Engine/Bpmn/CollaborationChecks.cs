using System.Xml.Linq;

namespace MonitoringWorkflows.Engine.Bpmn;

/// <summary>
/// Pools, message flows and lanes are not executed, but a reference in them that points nowhere (or at the wrong
/// thing) means the file is broken and the designer would draw it wrong.
/// </summary>
internal static class CollaborationChecks
{
    public static void Run(ReadContext context)
    {
        foreach (var collaboration in context.Definitions.Elements(BpmnNames.Model + "collaboration"))
        {
            var shownProcesses = Participants(context, collaboration);
            foreach (var messageFlow in collaboration.Elements(BpmnNames.Model + "messageFlow"))
            {
                MessageFlowEnd(context, messageFlow, "sourceRef", shownProcesses);
                MessageFlowEnd(context, messageFlow, "targetRef", shownProcesses);
            }
        }
        foreach (var lane in context.Definitions.Descendants(BpmnNames.Model + "lane"))
        {
            foreach (var reference in lane.Elements(BpmnNames.Model + "flowNodeRef"))
            {
                var target = context.Resolve(lane, "flowNodeRef", ReadContext.RefText(reference, reference.Value),
                    "remove the reference from the lane");
                if (target is not null && !BpmnNames.IsFlowNode(target.Name.LocalName))
                    context.Error(BpmnCodes.InvalidReference, lane,
                        $"lists {ReadContext.Describe(target)} as one of its flow nodes, but only events, activities and gateways belong to lanes: remove the reference.");
            }
        }
    }

    private static HashSet<string> Participants(ReadContext context, XElement collaboration)
    {
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var participant in collaboration.Elements(BpmnNames.Model + "participant"))
        {
            var process = context.Resolve(participant, "processRef", ReadContext.Ref(participant, "processRef"),
                "point the pool at an existing process or remove processRef");
            if (process is null) continue;
            if (process.Name != BpmnNames.Model + "process")
                context.Error(BpmnCodes.InvalidReference, participant,
                    $"refers in processRef to {ReadContext.Describe(process)}, which is not a process: point it at a process.");
            else if (BpmnNames.Id(process) is { } id) shown.Add(id);
        }
        return shown;
    }

    private static void MessageFlowEnd(ReadContext context, XElement messageFlow, string attribute, HashSet<string> shownProcesses)
    {
        var end = context.Resolve(messageFlow, attribute, ReadContext.Ref(messageFlow, attribute), "connect it to a pool or an element in a pool");
        if (end is null || end.Name == BpmnNames.Model + "participant") return;
        var process = end.Ancestors(BpmnNames.Model + "process").FirstOrDefault();
        if (process is not null && BpmnNames.Id(process) is { } processId && shownProcesses.Contains(processId)) return;
        var where = process is null ? "which is in no process" : $"whose {ReadContext.Describe(process)} no pool of this collaboration shows";
        context.Error(BpmnCodes.InvalidReference, messageFlow,
            $"connects {ReadContext.Describe(end)}, {where}: add a pool for that process or remove the message flow.");
    }
}
