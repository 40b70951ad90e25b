using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Tests.Support;

namespace MonitoringWorkflows.Web.Tests.Identity.Support;

/// <summary>The whole web host on its own temporary data folder (no default workflows imported, to start fast).</summary>
internal sealed class SiteHost : IAsyncDisposable
{
    public const string DemoPassword = "Monitoring-Demo-2026";
    public const string StrongPassword = "Correct-Horse-42-Battery";

    private readonly WebApplicationFactory<Program> factory;
    private readonly TestDataFolder? ownedFolder;

    public SiteHost(bool demo = true, TestDataFolder? folder = null, LogCapture? logs = null)
    {
        ownedFolder = folder is null ? new TestDataFolder() : null;
        var data = folder ?? ownedFolder!;
        Logs = logs ?? new LogCapture();
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Data:Folder", data.Combine("data"))
            .UseSetting("Workflows:Folder", data.Combine("no-workflows"))
            .UseSetting("Demo:Enabled", demo ? "true" : "false")
            .ConfigureLogging(logging => logging.AddProvider(Logs)));
    }

    public LogCapture Logs { get; }
    public IServiceProvider Services => factory.Services;

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    public SiteClient Client() => new(factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost"),
    }));

    public async Task<SiteClient> SignedInAsync(string email, string password = DemoPassword)
    {
        var client = Client();
        var response = await client.SignInAsync(email, password);
        Assert.Equal("/", SiteClient.RedirectPath(response));
        return client;
    }

    /// <summary>A user made directly through Identity (not a demo login), in the demo district unless national.</summary>
    public async Task<ApplicationUser> CreateUserAsync(string email, string role, string? agency = null, bool national = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var district = await db.Districts.SingleAsync(d => d.Code == OrganisationSeeder.DemoDistrictCode);
        var user = new ApplicationUser
        {
            UserName = email, Email = email, DisplayName = email, AgencyCode = agency,
            DistrictId = national ? null : district.Id,
        };
        Assert.True((await users.CreateAsync(user, StrongPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    public async Task<ApplicationUser> FindUserAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        ownedFolder?.Dispose();
    }
}
