using System.Runtime.CompilerServices;

namespace MonitoringWorkflows.Tests.Shared;

/// <summary>
/// Linked into each test project that starts web hosts. The tests start many hosts side by side. Each would watch its settings files and content folders with
/// inotify, and Linux allows a user 128 inotify instances: past that, hosts fail at start. Test hosts never need to
/// see a file change, so their settings are not watched and file providers poll instead of holding a watch.
/// </summary>
internal static class QuietFileWatching
{
    [ModuleInitializer]
    internal static void Apply()
    {
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
