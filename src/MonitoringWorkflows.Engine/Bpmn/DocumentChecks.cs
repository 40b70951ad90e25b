using System.Xml.Linq;

namespace MonitoringWorkflows.Engine.Bpmn;

/// <summary>Checks on the file as a whole: ids, what sits in <c>definitions</c>, prefixes in type names.</summary>
internal static class DocumentChecks
{
    public static void Run(ReadContext context)
    {
        DuplicateIds(context);
        RootChildren(context);
        TypePrefixes(context);
        if (!context.Definitions.Elements(BpmnNames.Model + "process").Any())
            context.Error(BpmnCodes.NoProcess, context.Definitions,
                "contains no process, so there is nothing to run: draw a process (a start event, tasks and an end event).");
    }

    private static void DuplicateIds(ReadContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in context.Definitions.DescendantsAndSelf().Where(ReadContext.IsIdentified))
        {
            if (BpmnNames.Id(element) is not { Length: > 0 } id || seen.Add(id)) continue;
            var first = context.ElementsById[id];
            context.Error(BpmnCodes.DuplicateId, element,
                $"has the same id as the {first.Name.LocalName} before it: ids must be unique in a file, rename one of them.");
        }
    }

    private static void RootChildren(ReadContext context)
    {
        foreach (var child in context.Definitions.Elements())
        {
            var ns = child.Name.Namespace;
            var allowed = ns == BpmnNames.Model
                ? BpmnNames.RootElements.Contains(child.Name.LocalName)
                : ns == BpmnNames.Di ? child.Name.LocalName == "BPMNDiagram" : ns != XNamespace.None;
            if (!allowed)
                context.Error(BpmnCodes.UnknownElement, child,
                    $"is not allowed directly in definitions{(ns == XNamespace.None ? " (it has no namespace)" : "")}: remove it or move it where BPMN expects it.");
        }
    }

    private static void TypePrefixes(ReadContext context)
    {
        foreach (var element in context.Definitions.DescendantsAndSelf())
        {
            var type = (string?)element.Attribute(BpmnNames.Xsi + "type");
            var colon = type?.IndexOf(':') ?? -1;
            if (colon <= 0) continue;
            var prefix = type![..colon];
            if (element.GetNamespaceOfPrefix(prefix) is null)
                context.Error(BpmnCodes.UndeclaredPrefix, element,
                    $"has xsi:type \"{type}\" with the prefix '{prefix}', which is never declared: declare xmlns:{prefix} or drop the prefix.");
        }
    }
}
