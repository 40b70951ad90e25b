using System.Net;
using MonitoringWorkflows.Web.Tests.Identity.Support;

namespace MonitoringWorkflows.Web.Tests.Identity;

public sealed class SignInTests
{
    [Fact]
    public async Task SignIn_RightPassword_ShowsTheHomePageWithTheUserRoleAndDistrict()
    {
        await using var site = new SiteHost();
        using var client = site.Client();

        var response = await client.SignInAsync("police@demo.az", SiteHost.DemoPassword);
        var home = await client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Demo Police", home);
        Assert.Contains("Qurum üzvü", home);
        Assert.Contains("Demo rayonu", home);
        Assert.Contains("Polis şöbəsi", home);
    }

    [Fact]
    public async Task SignIn_WrongPassword_StaysOnTheSignInPageWithAMessage()
    {
        await using var site = new SiteHost();
        using var client = site.Client();

        var response = await client.SignInAsync("police@demo.az", "Wrong-Password-123");
        var html = await SiteClient.HtmlAsync(response);
        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("E-poçt və ya şifrə yanlışdır.", html);
        Assert.Equal("/identity/sign-in", SiteClient.RedirectPath(home));
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LockTheAccountFor15MinutesEvenAgainstTheRightOne()
    {
        await using var site = new SiteHost();
        using var client = site.Client();

        for (var attempt = 0; attempt < 5; attempt++) await client.SignInAsync("police@demo.az", "Wrong-Password-123");
        var withRightPassword = await client.SignInAsync("police@demo.az", SiteHost.DemoPassword);
        var user = await site.FindUserAsync("police@demo.az");

        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode);
        Assert.Contains("Hesab bloklanıb.", await SiteClient.HtmlAsync(withRightPassword));
        var lockedFor = user.LockoutEnd!.Value - DateTimeOffset.UtcNow;
        Assert.InRange(lockedFor, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task SignIn_FourWrongPasswordsThenTheRightOne_SignsIn()
    {
        await using var site = new SiteHost();
        using var client = site.Client();

        for (var attempt = 0; attempt < 4; attempt++) await client.SignInAsync("police@demo.az", "Wrong-Password-123");
        var response = await client.SignInAsync("police@demo.az", SiteHost.DemoPassword);

        Assert.Equal("/", SiteClient.RedirectPath(response));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/identity/password")]
    [InlineData("/identity/two-factor")]
    [InlineData("/identity/sign-out")]
    [InlineData("/identity/access-denied")]
    [InlineData("/organisation/users")]
    [InlineData("/organisation/users/new")]
    [InlineData("/organisation/agencies")]
    [InlineData("/organisation/districts")]
    public async Task AnonymousRequest_ToAPage_RedirectsToSignIn(string path)
    {
        await using var site = new SiteHost();
        using var client = site.Client();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/identity/sign-in", SiteClient.RedirectPath(response));
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_IsRefused()
    {
        await using var site = new SiteHost();
        using var client = site.Client();
        await client.GetPageAsync("/identity/sign-in");

        var response = await client.Http.PostAsync("/identity/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "police@demo.az", ["Input.Password"] = SiteHost.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") &&
                     response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("mw.auth=")));
    }

    [Fact]
    public async Task SignedInPost_WithoutAntiforgeryToken_IsRefused()
    {
        await using var site = new SiteHost();
        using var client = await site.SignedInAsync("admin@demo.az");

        var response = await client.Http.PostAsync("/organisation/districts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Code"] = "FORGED", ["Input.Name"] = "Forged",
        }));
        var list = await client.GetPageAsync("/organisation/districts");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("FORGED", list);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await using var site = new SiteHost();
        using var client = await site.SignedInAsync("chair@demo.az");

        var signOut = await client.PostFormAsync("/identity/sign-out", new Dictionary<string, string>());
        var home = await client.GetAsync("/");

        Assert.Equal("/identity/sign-in", SiteClient.RedirectPath(signOut));
        Assert.Equal("/identity/sign-in", SiteClient.RedirectPath(home));
    }
}
