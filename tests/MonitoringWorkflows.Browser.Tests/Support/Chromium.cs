using Microsoft.Playwright;

namespace MonitoringWorkflows.Browser.Tests.Support;

/// <summary>
/// Debian's chromium, driven by Playwright. The project's MSBuild target installs it (install-chromium.sh); Playwright
/// downloads no browser of its own.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // --no-sandbox: the tests run as root. The rest keep chromium from reaching the network at start.
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing: build this project as root (its target runs install-chromium.sh) or run 'apt-get install -y chromium'.");
        }
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath, Headless = true, Args = Arguments,
        });
    }
}
