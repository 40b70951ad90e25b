using System.Net;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Tests.Identity.Support;

namespace MonitoringWorkflows.Web.Tests.Organisation;

public sealed class AdministrationPagesTests
{
    public static readonly TheoryData<string, string> NonAdministratorsAndAdminPages = new()
    {
        { "chair@demo.az", "/organisation/users" },
        { "secretary@demo.az", "/organisation/users/new" },
        { "police@demo.az", "/organisation/agencies" },
        { "registrar@demo.az", "/organisation/districts" },
        { "analyst@demo.az", "/organisation/users" },
    };

    [Theory]
    [MemberData(nameof(NonAdministratorsAndAdminPages))]
    public async Task AdminPage_NonAdministrator_Gets403WithTheAccessDeniedPage(string email, string path)
    {
        await using var site = new SiteHost();
        using var client = await site.SignedInAsync(email);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Giriş qadağandır", await SiteClient.HtmlAsync(response));
    }

    [Fact]
    public async Task AdminPost_NonAdministratorWithAValidToken_Gets403AndChangesNothing()
    {
        await using var site = new SiteHost();
        using var client = await site.SignedInAsync("chair@demo.az");

        var response = await client.PostFormAsync("/",
            new Dictionary<string, string> { ["Input.Code"] = "SNEAK", ["Input.Name"] = "Sneaky" }, "/organisation/districts");
        using var admin = await site.SignedInAsync("admin@demo.az");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("SNEAK", await admin.GetPageAsync("/organisation/districts"));
    }

    [Fact]
    public async Task CreateUser_AgencyMember_ShowsTheTemporaryPasswordOnce_AndTheUserMustChangeIt()
    {
        await using var site = new SiteHost();
        using var admin = await site.SignedInAsync("admin@demo.az");
        var district = (await site.FindUserAsync("police@demo.az")).DistrictId!.Value;

        var created = await admin.PostFormAsync("/organisation/users/new", new Dictionary<string, string>
        {
            ["Input.Email"] = "nurse@example.az", ["Input.DisplayName"] = "Nurse", ["Input.Role"] = Roles.AgencyMember,
            ["Input.DistrictId"] = district.ToString(), ["Input.AgencyCode"] = AgencyCodes.Health,
        });
        var password = SiteClient.TestId(await SiteClient.HtmlAsync(created), "temporary-password");
        var list = await admin.GetPageAsync("/organisation/users");
        using var nurse = site.Client();
        var signIn = await nurse.SignInAsync("nurse@example.az", password);
        var home = await nurse.GetAsync("/");

        Assert.Contains("nurse@example.az", list);
        Assert.DoesNotContain(password, list);
        Assert.Equal("/", SiteClient.RedirectPath(signIn));
        Assert.Equal("/identity/password", SiteClient.RedirectPath(home));
        var changed = await nurse.PostFormAsync("/identity/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = password, ["Input.NewPassword"] = SiteHost.StrongPassword,
            ["Input.ConfirmPassword"] = SiteHost.StrongPassword,
        });
        Assert.Equal("/", SiteClient.RedirectPath(changed));
        Assert.Equal(HttpStatusCode.OK, (await nurse.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task CreateUser_AgencyMemberWithoutAgency_IsRefusedWithAFieldMessageAndKeepsWhatWasTyped()
    {
        await using var site = new SiteHost();
        using var admin = await site.SignedInAsync("admin@demo.az");

        var response = await admin.PostFormAsync("/organisation/users/new", new Dictionary<string, string>
        {
            ["Input.Email"] = "x@example.az", ["Input.DisplayName"] = "<script>alert(1)</script>", ["Input.Role"] = Roles.AgencyMember,
        });
        var raw = await response.Content.ReadAsStringAsync();
        var html = await SiteClient.HtmlAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bu rol üçün rayon seçilməlidir.", html);
        Assert.Contains("Qurum üzvü üçün qurum seçilməlidir.", html);
        Assert.Contains("value=\"x@example.az\"", html);
        Assert.DoesNotContain("<script>alert(1)</script>", raw);
        Assert.Contains("&lt;script&gt;", raw);
        Assert.DoesNotContain("temporary-password", html);
    }

    [Fact]
    public async Task CreateUser_EmailAlreadyInUse_IsRefusedAtTheEmailField()
    {
        await using var site = new SiteHost();
        using var admin = await site.SignedInAsync("admin@demo.az");

        var response = await admin.PostFormAsync("/organisation/users/new", new Dictionary<string, string>
        {
            ["Input.Email"] = "police@demo.az", ["Input.DisplayName"] = "Again", ["Input.Role"] = Roles.NationalAnalyst,
        });

        var html = await SiteClient.HtmlAsync(response);

        Assert.Matches("data-valmsg-for=\"Input.Email\"[^>]*>police@demo.az (ünvanı )?artıq istifadə olunur.<", html);
        Assert.DoesNotContain("temporary-password", html);
    }

    [Fact]
    public async Task Lock_User_CannotSignInUntilUnlocked()
    {
        await using var site = new SiteHost();
        using var admin = await site.SignedInAsync("admin@demo.az");
        var police = await site.FindUserAsync("police@demo.az");

        var locked = await admin.PostFormAsync("/organisation/users", new Dictionary<string, string>(),
            $"/organisation/users?handler=Lock&id={police.Id}");
        using var whileLocked = site.Client();
        var refused = await whileLocked.SignInAsync("police@demo.az", SiteHost.DemoPassword);
        await admin.PostFormAsync("/organisation/users", new Dictionary<string, string>(),
            $"/organisation/users?handler=Unlock&id={police.Id}");
        using var afterUnlock = site.Client();
        var accepted = await afterUnlock.SignInAsync("police@demo.az", SiteHost.DemoPassword);

        Assert.Equal("/organisation/users", SiteClient.RedirectPath(locked));
        Assert.Contains("Hesab bloklanıb.", await SiteClient.HtmlAsync(refused));
        Assert.Equal("/", SiteClient.RedirectPath(accepted));
    }

    [Fact]
    public async Task AddAgency_NgoShelter_IsListedAndOfferedForNewUsers()
    {
        await using var site = new SiteHost();
        using var admin = await site.SignedInAsync("admin@demo.az");

        var added = await admin.PostFormAsync("/organisation/agencies",
            new Dictionary<string, string> { ["Input.Code"] = "NgoShelter", ["Input.Name"] = "Sığınacaq (QHT)" });
        var duplicate = await admin.PostFormAsync("/organisation/agencies",
            new Dictionary<string, string> { ["Input.Code"] = "NgoShelter", ["Input.Name"] = "Again" });
        var badCode = await admin.PostFormAsync("/organisation/agencies",
            new Dictionary<string, string> { ["Input.Code"] = "ngo shelter", ["Input.Name"] = "Bad" });

        Assert.Equal("/organisation/agencies", SiteClient.RedirectPath(added));
        Assert.Contains("Sığınacaq (QHT)", await admin.GetPageAsync("/organisation/agencies"));
        Assert.Contains("value=\"NgoShelter\"", await admin.GetPageAsync("/organisation/users/new"));
        Assert.Contains("Bu kodla qurum artıq var.", await SiteClient.HtmlAsync(duplicate));
        Assert.Contains("Kod böyük Latın hərfi ilə başlamalı", await SiteClient.HtmlAsync(badCode));
    }

    [Fact]
    public async Task AddDistrict_IsListedAndDuplicateCodeRefused()
    {
        await using var site = new SiteHost();
        using var admin = await site.SignedInAsync("admin@demo.az");

        var added = await admin.PostFormAsync("/organisation/districts",
            new Dictionary<string, string> { ["Input.Code"] = "GNC", ["Input.Name"] = "Gəncə" });
        var duplicate = await admin.PostFormAsync("/organisation/districts",
            new Dictionary<string, string> { ["Input.Code"] = "GNC", ["Input.Name"] = "Again" });

        Assert.Equal("/organisation/districts", SiteClient.RedirectPath(added));
        Assert.Contains("Gəncə", await admin.GetPageAsync("/organisation/districts"));
        Assert.Contains("Bu kodla rayon artıq var.", await SiteClient.HtmlAsync(duplicate));
    }
}
