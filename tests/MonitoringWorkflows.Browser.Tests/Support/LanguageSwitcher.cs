using Microsoft.Playwright;

namespace MonitoringWorkflows.Browser.Tests.Support;

/// <summary>The header's language buttons (Layout/_LanguageSwitcher.cshtml); the choice is kept in a cookie.</summary>
public sealed class LanguageSwitcher(IPage page)
{
    public const string Azerbaijani = "Azərbaycanca";
    public const string English = "English";
    public const string Russian = "Русский";

    public ILocator Button(string nativeName) => page.Locator("form.languages").GetByRole(AriaRole.Button, new() { Name = nativeName });

    /// <summary>Chooses a language and waits for the page to come back in it (the server redirects to the same page).</summary>
    public async Task ChooseAsync(string nativeName)
    {
        await Button(nativeName).ClickAsync();
        await Assertions.Expect(Button(nativeName)).ToHaveAttributeAsync("aria-pressed", "true");
    }
}
