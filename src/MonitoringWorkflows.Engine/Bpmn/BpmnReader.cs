using System.Xml.Linq;
using MonitoringWorkflows.Engine.Model;

namespace MonitoringWorkflows.Engine.Bpmn;

/// <summary>
/// Turns a BPMN 2.0 file into a <see cref="BpmnDocument"/> of every process in it. The XML is read with DTDs
/// prohibited, no external resources and a 5 MB limit. Every problem is a coded <see cref="BpmnDiagnostic"/> naming
/// the element and what to do; the document is null when any of them is an error. Reading never throws on bad input.
/// Elements outside the supported subset are errors; diagrams, lanes, data and annotations are not executed and
/// are only checked for broken references.
/// </summary>
public sealed class BpmnReader
{
    public BpmnReadResult Read(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var (document, problem) = SecureXml.Load(xml);
        return document is null ? Failed(problem!) : Read(document);
    }

    public BpmnReadResult Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (document, problem) = SecureXml.Load(stream);
        return document is null ? Failed(problem!) : Read(document);
    }

    private static BpmnReadResult Read(XDocument xml)
    {
        var root = xml.Root!;
        if (root.Name != BpmnNames.Model + "definitions")
            return Failed(BpmnDiagnostic.Error(BpmnCodes.NotBpmn, BpmnNames.Id(root), root.Name.LocalName,
                $"The file's root element is {{{root.Name.NamespaceName}}}{root.Name.LocalName}, not BPMN 2.0 definitions " +
                $"({{{BpmnNames.Model.NamespaceName}}}definitions): export the diagram as BPMN 2.0 XML."));

        var context = new ReadContext(root);
        DocumentChecks.Run(context);
        CollaborationChecks.Run(context);
        DiagramChecks.Run(context);
        ExtensionReader.WarnAboutUnread(context);
        ExtensionReader.WarnAboutForeignSettings(context);
        var reader = new ProcessReader(context);
        var graphs = root.Elements(BpmnNames.Model + "process").Select(reader.Read).ToList();
        if (context.HasErrors) return new BpmnReadResult(null, context.Diagnostics);

        var document = new BpmnDocument
        {
            DefinitionsId = BpmnNames.Id(root),
            Processes = graphs.Select(g => g!.Build()).ToList(),
        };
        return new BpmnReadResult(document, context.Diagnostics);
    }

    private static BpmnReadResult Failed(BpmnDiagnostic problem) => new(null, [problem]);
}
