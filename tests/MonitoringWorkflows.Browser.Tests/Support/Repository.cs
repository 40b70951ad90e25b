namespace MonitoringWorkflows.Browser.Tests.Support;

/// <summary>Folders of the repository the tests run from, found by walking up to the solution file.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The default definitions the application imports: the referral process and its forms.</summary>
    public static string WorkflowsFolder => Path.Combine(Root, "workflows");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MonitoringWorkflows.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No MonitoringWorkflows.sln above {AppContext.BaseDirectory}.");
    }
}
