using MonitoringWorkflows.Web.Forms;

namespace MonitoringWorkflows.Web.Tests.Forms;

/// <summary>The forms the repository ships (workflows/forms), read from the source tree so a test checks what users get.</summary>
internal static class ShippedForms
{
    public static string Folder { get; } = Find();

    public static IEnumerable<string> Keys() =>
        Directory.GetFiles(Folder, "*.form.json").Select(path => Path.GetFileName(path)[..^".form.json".Length]).Order();

    public static FormSchema Schema(string key) => FormSchema.Parse(File.ReadAllText(Path.Combine(Folder, key + ".form.json")));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows", "forms");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "MonitoringWorkflows.sln"))) return candidate;
        }
        throw new InvalidOperationException("The repository's workflows/forms folder was not found above the test's folder.");
    }
}
