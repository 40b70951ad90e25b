namespace MonitoringWorkflows.Web.Definitions;

/// <summary>The <c>Workflows</c> settings: where the default definitions imported on first start are.</summary>
public sealed class WorkflowImportOptions
{
    public const string Section = "Workflows";

    /// <summary>The folder of *.bpmn files (and forms/*.form.json); relative paths are under the application's folder, where the build copies <c>workflows/</c>.</summary>
    public string Folder { get; set; } = "workflows";

    internal string FolderPath() => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, Folder));
}
