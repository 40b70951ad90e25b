using Microsoft.Extensions.Configuration.Json;

namespace MonitoringWorkflows.Web.Hosting;

public static class SettingsFile
{
    /// <summary>
    /// The one settings file lives at the repository root and the build copies it next to the application.
    /// Under <c>dotnet run</c> (and in tests) the content root is the project folder, which has no copy, so the
    /// copy beside the application is read too, at the same precedence as appsettings.json: environment
    /// variables and the command line still override it.
    /// </summary>
    public static void AddApplicationSettingsFile(this ConfigurationManager configuration, IHostEnvironment environment)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(Path.Combine(environment.ContentRootPath, "appsettings.json")) || !File.Exists(path)) return;
        var sources = configuration.Sources;
        var position = sources.Select((s, i) => (s, i)).FirstOrDefault(p => p.s is JsonConfigurationSource).i;
        var source = new JsonConfigurationSource { Path = path, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        sources.Insert(position, source);
    }
}
