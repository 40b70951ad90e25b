namespace MonitoringWorkflows.Engine.Tests.Support;

/// <summary>
/// The shared BPMN conformance corpus, which lives beside the repository (<c>../shared/conformance</c>) and is
/// never copied into it. Found from the repository root (the folder holding MonitoringWorkflows.sln), so it works
/// from a worktree, a CI clone or the test output folder alike.
/// </summary>
internal static class ConformanceFiles
{
    public static string Root { get; } = Locate();

    /// <summary>Every .bpmn file, plus every file in the error folders (a PNG, text files), as paths relative to <see cref="Root"/>.</summary>
    public static IReadOnlyList<string> All() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(Relative)
            .Where(path => path.EndsWith(".bpmn", StringComparison.Ordinal) || IsInErrorFolder(path))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The files other tools' test suites use as broken input: a reader must reject every one.</summary>
    public static IReadOnlyList<string> Negative() =>
        All().Where(path => IsInErrorFolder(path) || path == "bpmn-js/draw/events.bpmn").ToList();

    public static string FullPath(string relative) => Path.Combine(Root, relative);

    private static bool IsInErrorFolder(string path) =>
        path.StartsWith("bpmn-moddle/error/", StringComparison.Ordinal)
        || path.StartsWith("bpmn-js/error/", StringComparison.Ordinal)
        || path.StartsWith("bpmn-js/import/error/", StringComparison.Ordinal);

    private static string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    private static string Locate()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (!File.Exists(Path.Combine(folder.FullName, "MonitoringWorkflows.sln"))) continue;
            var corpus = Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared", "conformance"));
            if (Directory.Exists(corpus)) return corpus;
            throw new DirectoryNotFoundException($"The conformance corpus is expected at {corpus}, beside the repository.");
        }
        throw new DirectoryNotFoundException($"No MonitoringWorkflows.sln above {AppContext.BaseDirectory}.");
    }
}
