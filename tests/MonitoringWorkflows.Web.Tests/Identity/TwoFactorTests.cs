using System.Net;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Tests.Identity.Support;

namespace MonitoringWorkflows.Web.Tests.Identity;

public sealed class TwoFactorTests
{
    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Chair)]
    public async Task SignIn_RoleRequiringTwoFactorWithoutIt_IsSentToSetUpBeforeAnythingElse(string role)
    {
        await using var site = new SiteHost();
        await site.CreateUserAsync("someone@example.az", role);
        using var client = await site.SignedInAsync("someone@example.az", SiteHost.StrongPassword);

        var home = await client.GetAsync("/");
        var admin = await client.GetAsync("/organisation/agencies");
        var setup = await client.GetPageAsync("/identity/two-factor");

        Assert.Equal("/identity/two-factor", SiteClient.RedirectPath(home));
        Assert.Equal("/identity/two-factor", SiteClient.RedirectPath(admin));
        Assert.Contains("iki mərhələli giriş məcburidir", setup);
    }

    [Theory]
    [InlineData("admin@demo.az")]
    [InlineData("chair@demo.az")]
    public async Task SignIn_DemoLoginInDemoMode_NeedsNoSecondFactor(string email)
    {
        await using var site = new SiteHost(demo: true);
        using var client = await site.SignedInAsync(email);

        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task SignIn_AgencyMemberWithoutTwoFactor_IsNotAsked()
    {
        await using var site = new SiteHost();
        await site.CreateUserAsync("member@example.az", Roles.AgencyMember, AgencyCodes.Health);
        using var client = await site.SignedInAsync("member@example.az", SiteHost.StrongPassword);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task TwoFactor_SetUpWithTheSharedKey_ThenSignInAsksForTheCurrentCode()
    {
        await using var site = new SiteHost();
        await site.CreateUserAsync("chair2@example.az", Roles.Chair);
        using var client = await site.SignedInAsync("chair2@example.az", SiteHost.StrongPassword);
        var setup = await client.GetPageAsync("/identity/two-factor");
        var key = SiteClient.TestId(setup, "shared-key");
        var uri = SiteClient.TestId(setup, "otpauth-uri");

        var enabled = await client.PostFormAsync("/identity/two-factor",
            new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "/identity/two-factor?handler=Enable");
        var home = await client.GetAsync("/");
        using var second = site.Client();
        var firstStep = await second.SignInAsync("chair2@example.az", SiteHost.StrongPassword);
        var beforeCode = await second.GetAsync("/");
        var wrongCode = await second.PostFormAsync("/identity/sign-in/code", new Dictionary<string, string> { ["Code"] = "000000" });
        var rightCode = await second.PostFormAsync("/identity/sign-in/code",
            new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var afterCode = await second.GetAsync("/");

        Assert.StartsWith($"otpauth://totp/MonitoringWorkflows:chair2%40example.az?secret={key.Replace(" ", "").ToUpperInvariant()}", uri);
        Assert.Equal("/", SiteClient.RedirectPath(enabled));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("/identity/sign-in/code", SiteClient.RedirectPath(firstStep));
        Assert.Equal("/identity/sign-in", SiteClient.RedirectPath(beforeCode));
        Assert.Contains("Kod yanlışdır və ya vaxtı keçib.", await SiteClient.HtmlAsync(wrongCode));
        Assert.Equal("/", SiteClient.RedirectPath(rightCode));
        Assert.Equal(HttpStatusCode.OK, afterCode.StatusCode);
    }

    [Fact]
    public async Task TwoFactor_WrongCodeAtSetup_LeavesItOffWithAFieldMessage()
    {
        await using var site = new SiteHost();
        await site.CreateUserAsync("admin2@example.az", Roles.Administrator, national: true);
        using var client = await site.SignedInAsync("admin2@example.az", SiteHost.StrongPassword);

        var response = await client.PostFormAsync("/identity/two-factor",
            new Dictionary<string, string> { ["Code"] = "123" }, "/identity/two-factor?handler=Enable");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kod yanlışdır.", await SiteClient.HtmlAsync(response));
        Assert.False((await site.FindUserAsync("admin2@example.az")).TwoFactorEnabled);
    }

    [Fact]
    public void Totp_RfcTestVector_GivesTheRfcCode()
    {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082, of which an authenticator shows the last six digits.
        var code = Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59));

        Assert.Equal("287082", code);
    }
}
