using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MonitoringWorkflows.Web.Api;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Definitions;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Tests.Cases.Support;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Support;

namespace MonitoringWorkflows.Web.Tests.Referrals.Support;

/// <summary>
/// A demo site that starts with no published referral process, so a recorded report's start fails; the default
/// workflows can be published afterwards, as an administrator would fix the cause.
/// </summary>
internal sealed class RestartSite : IAsyncDisposable
{
    private readonly TestDataFolder folder = new();
    private readonly WebApplicationFactory<Program> factory;

    public RestartSite() => factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
        .UseSetting("Data:Folder", folder.Combine("data")).UseSetting("Demo:Enabled", "true")
        .UseSetting("Workflows:Folder", folder.Combine("no-workflows")));

    public IServiceProvider Services => factory.Services;

    /// <summary>Signed in; with the authenticator's code when <paramref name="authenticatorKey"/> is given.</summary>
    public async Task<SiteClient> SignedInAsync(string email, string password = SiteHost.DemoPassword, string? authenticatorKey = null)
    {
        var client = new SiteClient(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost"),
        }));
        var response = await client.SignInAsync(email, password);
        if (authenticatorKey is not null)
            response = await client.PostFormAsync("/identity/sign-in/code",
                new Dictionary<string, string> { ["Code"] = Totp.Code(authenticatorKey, DateTimeOffset.UtcNow) });
        Assert.Equal("/", SiteClient.RedirectPath(response));
        return client;
    }

    public WorkflowDbContext Database() => Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();

    /// <summary>A report recorded by the demo registrar whose process did not start; its case number.</summary>
    public async Task<string> RecordUnstartedCaseAsync()
    {
        using var registrar = await SignedInAsync("registrar@demo.az");
        var response = await registrar.PostFormAsync(Reports.NewCase, Reports.Valid());
        var number = SiteClient.RedirectPath(response)!.Split('/')[2];
        await using var db = Database();
        Assert.Equal(CaseStatus.ProcessNotStarted, (await db.Cases.SingleAsync(c => c.Number == number)).Status);
        return number;
    }

    /// <summary>Imports the shipped workflows (the referral among them) as published version 1.</summary>
    public async Task PublishReferralAsync()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "workflows");
        Assert.True(Directory.Exists(folder), folder);
        var importer = new WorkflowImporter(Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>(),
            Options.Create(new WorkflowImportOptions { Folder = folder }), TimeProvider.System, NullLogger<WorkflowImporter>.Instance);
        Assert.Contains(CaseIntake.ProcessKey, (await importer.ImportAsync(CancellationToken.None)).Processes);
    }

    /// <summary>The chair of a second district, made through Identity with an authenticator (chairs must use one), signed in.</summary>
    public async Task<SiteClient> ChairOfAnotherDistrictAsync()
    {
        string key;
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            var district = new District { Code = "OTHER", Name = "Other district" };
            db.Districts.Add(district);
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser
            {
                UserName = "chair@other.az", Email = "chair@other.az", DisplayName = "Other chair", DistrictId = district.Id,
            };
            Assert.True((await users.CreateAsync(user, SiteHost.StrongPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Chair)).Succeeded);
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        return await SignedInAsync("chair@other.az", SiteHost.StrongPassword, key);
    }

    /// <summary>Asks the API to start the case's referral, with the antiforgery header the page scripts send.</summary>
    public static async Task<HttpResponseMessage> PostStartAsync(SiteClient client, string number)
    {
        var token = await client.Http.GetFromJsonAsync<AntiforgeryToken>("/api/antiforgery");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{number}/referral")
        {
            Content = JsonContent.Create(new { }),
        };
        request.Headers.Add(ApiRegistration.AntiforgeryHeader, token!.Token);
        return await client.Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        folder.Dispose();
    }
}
