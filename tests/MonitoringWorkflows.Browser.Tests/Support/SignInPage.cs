using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MonitoringWorkflows.Browser.Tests.Support;

/// <summary>/identity/sign-in: e-mail and password (demo users need no second factor).</summary>
public sealed partial class SignInPage(IPage page)
{
    public const string Path = "/identity/sign-in";

    public ILocator Title => page.Locator("main h1");
    public ILocator Submit => page.Locator("form:has([name='Input.Email']) button[type=submit]");

    [GeneratedRegex("^https?://[^/]+/$")]
    private static partial Regex HomePath();

    public async Task GotoAsync() => await page.GotoAsync(Path);

    /// <summary>Signs in and waits for the home page the site sends a signed-in user to.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await GotoAsync();
        await page.Locator("[name='Input.Email']").FillAsync(email);
        await page.Locator("[name='Input.Password']").FillAsync(password);
        await Submit.ClickAsync();
        // Expect…ToHaveURL rather than WaitForURL: the latter also waits for a load event that a POST-redirect-GET
        // through the form did not always report, and timed out on a page that had long arrived.
        await Assertions.Expect(page).ToHaveURLAsync(HomePath());
    }
}
