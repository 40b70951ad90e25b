using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Support;

namespace MonitoringWorkflows.Web.Tests.Cases.Support;

/// <summary>
/// The whole web host in demo mode on a temporary data folder, with the default workflows imported (the referral
/// process must exist to start) unless <paramref name="withWorkflows"/> is false.
/// </summary>
internal sealed class IntakeSite : IAsyncDisposable
{
    private readonly TestDataFolder folder = new();
    private readonly WebApplicationFactory<Program> factory;

    public IntakeSite(bool withWorkflows = true)
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Data:Folder", folder.Combine("data")).UseSetting("Demo:Enabled", "true");
            if (!withWorkflows) web.UseSetting("Workflows:Folder", folder.Combine("no-workflows"));
        });
    }

    public IServiceProvider Services => factory.Services;

    public async Task<SiteClient> SignedInAsync(string email, string password = SiteHost.DemoPassword)
    {
        var client = new SiteClient(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost"),
        }));
        var response = await client.SignInAsync(email, password);
        Assert.Equal("/", SiteClient.RedirectPath(response));
        return client;
    }

    /// <summary>A registrar of a second district, made through Identity, signed in.</summary>
    public async Task<SiteClient> RegistrarOfAnotherDistrictAsync()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            var district = new District { Code = "OTHER", Name = "Other district" };
            db.Districts.Add(district);
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser
            {
                UserName = "registrar@other.az", Email = "registrar@other.az", DisplayName = "Other registrar", DistrictId = district.Id,
            };
            Assert.True((await users.CreateAsync(user, SiteHost.StrongPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Registrar)).Succeeded);
        }
        return await SignedInAsync("registrar@other.az", SiteHost.StrongPassword);
    }

    /// <summary>A fresh context on the site's database, to look at what a request wrote.</summary>
    public WorkflowDbContext Database() => Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<WorkflowDbContext>>()
        .CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        folder.Dispose();
    }
}

/// <summary>A report that passes every check, as the form posts it; tests change or remove fields from it.</summary>
internal static class Reports
{
    public const string NewCase = "/cases/new";

    public static Dictionary<string, string> Valid(string narrative = "Neighbour heard shouting; the child has bruises.") => new()
    {
        ["Input.Channel"] = "phone",
        ["Input.ReporterName"] = "Aysel Məmmədova",
        ["Input.ReporterRelation"] = "neighbour",
        ["Input.ReporterContact"] = "+994 50 000 00 00",
        ["Input.Victims[0].Age"] = "9",
        ["Input.Victims[0].Sex"] = "female",
        ["Input.Victims[1].Age"] = "34",
        ["Input.Victims[1].Sex"] = "female",
        // The form's unused rows, posted empty as a browser does.
        ["Input.Victims[2].Age"] = "",
        ["Input.Victims[2].Sex"] = "",
        ["Input.Victims[3].Age"] = "",
        ["Input.Victims[3].Sex"] = "",
        ["Input.PerpetratorRelation"] = "parent",
        ["Input.ViolenceTypes"] = "physical",
        ["Input.IncidentDate"] = "2026-01-15",
        ["Input.IncidentPlace"] = "Home, Demo village",
        ["Input.IncidentsLast12Months"] = "2",
        ["Input.Narrative"] = narrative,
        ["Input.Consent"] = "true",
    };
}
