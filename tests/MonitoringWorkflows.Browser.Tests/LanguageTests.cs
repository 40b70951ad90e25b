using Microsoft.Playwright;
using MonitoringWorkflows.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace MonitoringWorkflows.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserSite site)
{
    [Fact]
    public async Task Site_IsInAzerbaijaniForAnEnglishBrowser_AndSwitchingToEnglishChangesThePageAndIsRemembered()
    {
        await using var scenario = site.Scenario();
        await scenario.RunAsync(async () =>
        {
            var visitor = await scenario.OpenAsync("visitor");
            var signIn = new SignInPage(visitor.Page);
            var html = visitor.Page.Locator("html");
            await signIn.GotoAsync();

            await Expect(html).ToHaveAttributeAsync("lang", "az");
            await Expect(signIn.Title).ToHaveTextAsync("Giriş");
            await Expect(signIn.Submit).ToHaveTextAsync("Daxil ol");

            await new LanguageSwitcher(visitor.Page).ChooseAsync(LanguageSwitcher.English);

            Assert.EndsWith(SignInPage.Path, visitor.Page.Url);
            await Expect(html).ToHaveAttributeAsync("lang", "en");
            await Expect(signIn.Title).ToHaveTextAsync("Sign in");
            await Expect(signIn.Submit).ToHaveTextAsync("Sign in");

            await visitor.Page.ReloadAsync();
            await Expect(signIn.Title).ToHaveTextAsync("Sign in");
        });
    }
}
