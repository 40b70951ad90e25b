namespace MonitoringWorkflows.Bench;

/// <summary>Where the bench finds the repository's files, whatever folder it is started from.</summary>
internal static class RepositoryLayout
{
    private const string SolutionFile = "MonitoringWorkflows.sln";

    /// <summary>The folder holding the solution file, found by walking up from the current folder, then from the program's.</summary>
    public static string Root { get; } = FindRoot();

    public static string Workflows => Path.Combine(Root, "workflows");
    public static string Bench => Path.Combine(Root, "bench");
    public static string Scenarios => Path.Combine(Bench, "scenarios");
    public static string NodeBench => Path.Combine(Bench, "bpmn-engine");

    /// <summary>The shared conformance corpus, beside the repository (<c>../shared/conformance</c>).</summary>
    public static string Conformance => Path.GetFullPath(Path.Combine(Root, "..", "shared", "conformance"));

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, SolutionFile))) return folder.FullName;
        }
        throw new InvalidOperationException($"No {SolutionFile} above {Directory.GetCurrentDirectory()}: run the bench from inside the repository.");
    }
}
