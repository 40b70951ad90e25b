using System.Net;
using MonitoringWorkflows.Web.Tests.Identity.Support;

namespace MonitoringWorkflows.Web.Tests.Identity;

public sealed class LanguageSwitcherTests
{
    [Theory]
    [InlineData("en-GB", "Sign in", "Enter your e-mail address and password.")]
    [InlineData("ru-RU", "Вход", "Введите адрес электронной почты и пароль.")]
    public async Task Switch_ToAnotherLanguage_IsRememberedAndChangesThePage(string culture, string heading, string lead)
    {
        await using var site = new SiteHost();
        using var client = site.Client();
        var before = await client.GetPageAsync("/identity/sign-in");

        var switched = await client.PostFormAsync("/identity/sign-in",
            new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = "/identity/sign-in" }, "/language");
        var after = await client.GetPageAsync("/identity/sign-in");

        Assert.Contains("<h1>Giriş</h1>", before);
        Assert.Equal("/identity/sign-in", SiteClient.RedirectPath(switched));
        Assert.Contains($"<h1>{heading}</h1>", after);
        Assert.Contains(lead, after);
        Assert.Contains($"lang=\"{culture[..2]}\"", after);
    }

    [Fact]
    public async Task Switch_SignedIn_TranslatesRolesAndAgencyInTheHeader()
    {
        await using var site = new SiteHost();
        using var client = await site.SignedInAsync("police@demo.az");

        await client.PostFormAsync("/", new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = "/" }, "/language");
        var home = await client.GetPageAsync("/");

        Assert.Contains("Agency member", home);
        Assert.Contains("Police department", home);
        Assert.Contains("Open the inbox", home);
    }

    [Fact]
    public async Task Switch_UnknownLanguageOrForeignReturnAddress_IsRefusedOrKeptLocal()
    {
        await using var site = new SiteHost();
        using var client = site.Client();

        var unknown = await client.PostFormAsync("/identity/sign-in",
            new Dictionary<string, string> { ["culture"] = "fr-FR", ["returnUrl"] = "/" }, "/language");
        var foreign = await client.PostFormAsync("/identity/sign-in",
            new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = "//evil.example/" }, "/language");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("/", SiteClient.RedirectPath(foreign));
    }

    [Fact]
    public async Task Switch_WithoutAntiforgeryToken_IsRefused()
    {
        await using var site = new SiteHost();
        using var client = site.Client();
        await client.GetPageAsync("/identity/sign-in");

        var response = await client.Http.PostAsync("/language",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en-GB" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
