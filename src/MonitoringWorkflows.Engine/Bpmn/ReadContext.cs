using System.Xml;
using System.Xml.Linq;

namespace MonitoringWorkflows.Engine.Bpmn;

/// <summary>What the reader knows about the whole file while it reads: every element by id, and what went wrong.</summary>
internal sealed class ReadContext
{
    private readonly List<BpmnDiagnostic> diagnostics = [];

    public ReadContext(XElement definitions)
    {
        Definitions = definitions;
        foreach (var element in definitions.DescendantsAndSelf())
        {
            if (IsIdentified(element) && BpmnNames.Id(element) is { Length: > 0 } id) ElementsById.TryAdd(id, element);
        }
    }

    public XElement Definitions { get; }

    /// <summary>The first element with each id, among BPMN and diagram elements (extensions of other tools have ids of their own).</summary>
    public Dictionary<string, XElement> ElementsById { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<BpmnDiagnostic> Diagnostics => diagnostics;

    public bool HasErrors => diagnostics.Any(d => d.IsError);

    public static bool IsIdentified(XElement element)
    {
        var ns = element.Name.Namespace;
        return ns == BpmnNames.Model || ns == BpmnNames.Di || ns == BpmnNames.DdDi || ns == BpmnNames.DdDc;
    }

    public void Error(string code, XElement element, string problemAndRemedy) =>
        diagnostics.Add(BpmnDiagnostic.Error(code, BpmnNames.Id(element), element.Name.LocalName, $"{Describe(element)} {problemAndRemedy}"));

    public void Warning(string code, XElement element, string problemAndRemedy) =>
        diagnostics.Add(BpmnDiagnostic.Warning(code, BpmnNames.Id(element), element.Name.LocalName, $"{Describe(element)} {problemAndRemedy}"));

    public void Add(BpmnDiagnostic diagnostic) => diagnostics.Add(diagnostic);

    /// <summary><c>userTask 'Task_3'</c>, or <c>userTask at line 12</c> for an element without id.</summary>
    public static string Describe(XElement element)
    {
        if (BpmnNames.Id(element) is { Length: > 0 } id) return $"{element.Name.LocalName} '{id}'";
        var line = ((IXmlLineInfo)element).HasLineInfo() ? $" at line {((IXmlLineInfo)element).LineNumber}" : "";
        return element.Name.LocalName + line;
    }

    /// <summary>
    /// A reference attribute's id. References are QNames in the schema, so a declared prefix (<c>tns:Task_1</c>)
    /// is dropped; ids cannot contain a colon, so an undeclared one leaves a reference that will not resolve.
    /// </summary>
    public static string? Ref(XElement owner, XName attribute) => RefText(owner, (string?)owner.Attribute(attribute));

    public static string? RefText(XElement scope, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        var colon = text.IndexOf(':');
        if (colon > 0 && scope.GetNamespaceOfPrefix(text[..colon]) is not null) return text[(colon + 1)..];
        return text;
    }

    /// <summary>Resolves a reference to an element, reporting BPMN008 when nothing has that id.</summary>
    public XElement? Resolve(XElement owner, string attribute, string? id, string remedy)
    {
        if (id is null) return null;
        if (ElementsById.TryGetValue(id, out var target)) return target;
        Error(BpmnCodes.DanglingReference, owner, $"refers in {attribute} to '{id}', which does not exist: {remedy}.");
        return null;
    }
}
