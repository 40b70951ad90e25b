using System.Xml.Linq;
using MonitoringWorkflows.Engine.Model;

namespace MonitoringWorkflows.Engine.Bpmn;

/// <summary>Reads our own extension namespace (mw) and warns about mw parts the engine would not read.</summary>
internal static class ExtensionReader
{
    /// <summary>The mw attributes read on each BPMN element.</summary>
    private static readonly Dictionary<string, string[]> AttributesByElement = new(StringComparer.Ordinal)
    {
        ["userTask"] = ["agency", "role", "formKey", "dueIn"],
        ["serviceTask"] = ["action"],
        ["multiInstanceLoopCharacteristics"] = ["collection", "elementVariable"],
    };

    private static readonly string[] MappingNames = ["input", "output"];

    public static string? Attribute(XElement element, string name) => (string?)element.Attribute(BpmnNames.Mw + name);

    public static IReadOnlyList<IoMapping> Mappings(ReadContext context, XElement activity, string kind)
    {
        var mappings = new List<IoMapping>();
        foreach (var mapping in activity.Elements(BpmnNames.Model + "extensionElements").Elements(BpmnNames.Mw + kind))
        {
            var target = ((string?)mapping.Attribute("target"))?.Trim();
            var source = ValueExpression.Parse((string?)mapping.Attribute("source"));
            if (string.IsNullOrEmpty(target) || source is null)
            {
                context.Error(BpmnCodes.MissingRequiredPart, activity,
                    $"has an mw:{kind} without {(string.IsNullOrEmpty(target) ? "target" : "source")}: give every mapping a target variable and a source (=expression or literal).");
                continue;
            }
            mappings.Add(new IoMapping(target, source, ReadAppend(context, activity, mapping, kind)));
        }
        return mappings;
    }

    /// <summary>The <c>append</c> attribute of an output mapping: <c>true</c> or <c>false</c> (absent means false).</summary>
    private static bool ReadAppend(ReadContext context, XElement activity, XElement mapping, string kind)
    {
        var raw = ((string?)mapping.Attribute("append"))?.Trim();
        if (raw is null) return false;
        if (kind != "output")
        {
            context.Warning(BpmnCodes.UnknownExtension, activity,
                $"has an mw:{kind} with append, which only an mw:output reads: remove it.");
            return false;
        }
        if (raw is "true" or "false") return raw == "true";
        context.Error(BpmnCodes.MissingRequiredPart, activity,
            $"has an mw:output whose append is '{raw}': write append=\"true\" to add the value to a list, or leave it out.");
        return false;
    }

    /// <summary>Warns about every mw attribute or element at a place where the engine does not read it.</summary>
    public static void WarnAboutUnread(ReadContext context)
    {
        foreach (var element in context.Definitions.DescendantsAndSelf())
        {
            if (element.Name.Namespace == BpmnNames.Mw)
            {
                if (!IsReadMapping(element))
                    context.Warning(BpmnCodes.UnknownExtension, element.Parent ?? element,
                        $"contains mw:{element.Name.LocalName}, which the engine does not read here: mw:input and mw:output go in the extensionElements of an activity.");
                continue;
            }
            foreach (var attribute in element.Attributes().Where(a => a.Name.Namespace == BpmnNames.Mw))
            {
                if (IsReadAttribute(element, attribute.Name.LocalName)) continue;
                context.Warning(BpmnCodes.UnknownExtension, element,
                    $"has mw:{attribute.Name.LocalName}, which the engine does not read on a {element.Name.LocalName}: remove it (see the designer's properties panel for what each element takes).");
            }
        }
    }

    /// <summary>Namespaces of other engines' execution settings: a file from their modelers carries them, and they do nothing here.</summary>
    private static readonly HashSet<string> ForeignEngineNamespaces = new(StringComparer.Ordinal)
    {
        "http://camunda.org/schema/1.0/bpmn",
        "http://camunda.org/schema/zeebe/1.0",
        "http://activiti.org/bpmn",
        "http://flowable.org/bpmn",
    };

    /// <summary>Warns once per element that carries another engine's settings, naming them, so none is ignored unseen.</summary>
    public static void WarnAboutForeignSettings(ReadContext context)
    {
        foreach (var element in context.Definitions.Descendants().Where(e => e.Name.Namespace == BpmnNames.Model))
        {
            var foreign = element.Attributes().Where(a => ForeignEngineNamespaces.Contains(a.Name.NamespaceName))
                .Select(a => a.Name.LocalName)
                .Concat(element.Elements(BpmnNames.Model + "extensionElements").Elements()
                    .Where(e => ForeignEngineNamespaces.Contains(e.Name.NamespaceName)).Select(e => e.Name.LocalName))
                .Distinct().ToList();
            if (foreign.Count == 0) continue;
            context.Warning(BpmnCodes.ForeignExecutionSettings, element,
                $"carries settings of another engine ({string.Join(", ", foreign)}), which this engine does not read: use the mw settings of the properties panel instead.");
        }
    }

    private static bool IsReadAttribute(XElement element, string name) =>
        element.Name.Namespace == BpmnNames.Model
        && AttributesByElement.TryGetValue(element.Name.LocalName, out var names) && names.Contains(name);

    private static bool IsReadMapping(XElement element) =>
        MappingNames.Contains(element.Name.LocalName)
        && element.Parent is { } extensions && extensions.Name == BpmnNames.Model + "extensionElements"
        && extensions.Parent is { } owner && owner.Name.Namespace == BpmnNames.Model
        && BpmnNames.Activities.Contains(owner.Name.LocalName);
}
