using System.Xml.Linq;

namespace MonitoringWorkflows.Engine.Tests.Workflows;

/// <summary>The default processes and forms shipped in the repository's <c>workflows/</c> folder.</summary>
internal static class WorkflowFiles
{
    public static readonly XNamespace BpmnNs = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace BpmnDiNs = "http://www.omg.org/spec/BPMN/20100524/DI";
    public static readonly XNamespace MwNs = "urn:monitoringworkflows:bpmn:1";

    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "workflows");

    public static string FormsFolder => Path.Combine(Folder, "forms");

    public static IReadOnlyList<string> BpmnFileNames =>
        Directory.GetFiles(Folder, "*.bpmn").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList()!;

    public static IReadOnlyList<string> FormKeys =>
        Directory.GetFiles(FormsFolder, "*.form.json").Select(f => Path.GetFileName(f)[..^".form.json".Length])
            .OrderBy(n => n, StringComparer.Ordinal).ToList();

    public static string Xml(string fileName) => File.ReadAllText(Path.Combine(Folder, fileName));

    public static XDocument Document(string fileName) => XDocument.Parse(Xml(fileName));

    public static string FormJson(string formKey) => File.ReadAllText(Path.Combine(FormsFolder, formKey + ".form.json"));

    /// <summary>The file that defines the process with this id (what a call activity names).</summary>
    public static string FileOfProcess(string processId) =>
        BpmnFileNames.Single(file => Document(file).Descendants(BpmnNs + "process").Any(p => (string?)p.Attribute("id") == processId));

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MonitoringWorkflows.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No MonitoringWorkflows.sln above {AppContext.BaseDirectory}: the tests must run inside the repository.");
    }
}
