using Microsoft.Playwright;

namespace MonitoringWorkflows.Browser.Tests.Support;

/// <summary>What a failed browser test leaves behind: each user's page as a screenshot and as HTML.</summary>
internal static class FailureEvidence
{
    public static async Task<string> SaveAsync(string test, IReadOnlyList<BrowserUser> users)
    {
        var folder = Directory.CreateDirectory(Path.Combine(
            AppContext.BaseDirectory, "browser-failures", $"{test}-{DateTime.UtcNow:yyyyMMdd-HHmmss}")).FullName;
        foreach (var user in users) await SaveAsync(folder, user);
        return folder;
    }

    private static async Task SaveAsync(string folder, BrowserUser user)
    {
        var name = string.Concat(user.Name.Select(c => char.IsLetterOrDigit(c) ? c : '-'));
        try
        {
            await user.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
            var html = $"<!-- {user.Page.Url} -->{Environment.NewLine}{await user.Page.ContentAsync()}";
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".html"), html);
        }
        catch (PlaywrightException unavailable)
        {
            // A closed or crashed page has nothing to show; say so rather than hide the original failure.
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".txt"), $"No evidence from {user.Page.Url}: {unavailable.Message}");
        }
    }
}
