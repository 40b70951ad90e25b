namespace MonitoringWorkflows.Web.Designer.Versions;

/// <summary>The resource for the version history, diff, migration and test run pages.</summary>
public sealed class VersionToolsText;
