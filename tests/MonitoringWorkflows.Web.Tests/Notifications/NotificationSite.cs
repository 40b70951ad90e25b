using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Notifications;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Support;

namespace MonitoringWorkflows.Web.Tests.Notifications;

/// <summary>
/// The whole site with the demo users, on fake time, with the background worker off: tests run the delivery and the
/// sweep themselves. Cases are inserted directly and their processes started through the runner.
/// </summary>
internal sealed class NotificationSite : IAsyncDisposable
{
    public const string DemoPassword = SiteHost.DemoPassword;

    private readonly WebApplicationFactory<Program> factory;
    private readonly TestDataFolder folder = new();
    private int cases;

    /// <param name="services">More service registrations after the host's own (an EF interceptor, say).</param>
    public NotificationSite(Dictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Data:Folder", folder.Combine("data"))
                .UseSetting("Workflows:Folder", folder.Combine("no-workflows"))
                .UseSetting("Demo:Enabled", "true")
                .UseSetting("Notifications:Enabled", "false");
            foreach (var (key, value) in settings ?? []) web.UseSetting(key, value);
            web.ConfigureServices(registered =>
            {
                registered.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
                services?.Invoke(registered);
            });
        });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    public IServiceProvider Services => factory.Services;
    public NotificationDelivery Delivery => Services.GetRequiredService<NotificationDelivery>();
    public DeadlineSweep Sweep => Services.GetRequiredService<DeadlineSweep>();

    public WorkflowDbContext Db() => Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();

    public HttpClient AnonymousClient() => factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost"),
    });

    public async Task<SiteClient> SignedInAsync(string email)
    {
        var client = new SiteClient(AnonymousClient());
        var response = await client.SignInAsync(email, DemoPassword);
        Assert.Equal("/", SiteClient.RedirectPath(response));
        return client;
    }

    public async Task PublishAsync(string key, string xml)
    {
        await using (var db = Db())
        {
            db.ProcessDefinitions.Add(new ProcessDefinitionRecord
            {
                Key = key, Version = 1, Status = DefinitionStatus.Published, Name = key, BpmnXml = xml,
                CreatedBy = "test", CreatedAt = Time.GetUtcNow(), PublishedBy = "test", PublishedAt = Time.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }
        Services.GetRequiredService<PublishedVersions>().Invalidate(key);
    }

    /// <summary>A case in the district (the demo one by default) and its process started: returns the case number and instance.</summary>
    public async Task<(string Number, long InstanceId)> StartCaseAsync(string key, string districtCode = OrganisationSeeder.DemoDistrictCode)
    {
        var number = $"{districtCode}-2026-{Interlocked.Increment(ref cases):0000}";
        await using (var db = Db())
        {
            var district = await db.Districts.SingleAsync(d => d.Code == districtCode);
            db.Cases.Add(new CaseRecord
            {
                Number = number, DistrictId = district.Id, Year = 2026, Sequence = cases, CreatedBy = "registrar@demo.az",
                CreatedAt = Time.GetUtcNow(), ReportJson = "{}",
            });
            await db.SaveChangesAsync();
        }
        var started = await Services.GetRequiredService<WorkflowRunner>().StartAsync(key, number, new JsonObject(), "registrar@demo.az", CancellationToken.None);
        Assert.True(started.IsOk, started.Message);
        return (number, started.InstanceId!.Value);
    }

    /// <summary>A second district with its own chair and police member, to prove nothing crosses districts.</summary>
    public async Task AddOtherDistrictAsync(string code = "OTHER")
    {
        int districtId;
        await using (var db = Db())
        {
            var district = new District { Code = code, Name = code, CreatedAt = Time.GetUtcNow() };
            db.Districts.Add(district);
            await db.SaveChangesAsync();
            districtId = district.Id;
        }
        await CreateUserAsync($"chair@{code.ToLowerInvariant()}.az", Roles.Chair, null, districtId);
        await CreateUserAsync($"police@{code.ToLowerInvariant()}.az", Roles.AgencyMember, AgencyCodes.Police, districtId);
    }

    public async Task<ApplicationUser> CreateUserAsync(string email, string role, string? agency, int? districtId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (districtId is null)
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            districtId = (await db.Districts.SingleAsync(d => d.Code == OrganisationSeeder.DemoDistrictCode)).Id;
        }
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = email, AgencyCode = agency, DistrictId = districtId };
        Assert.True((await users.CreateAsync(user, SiteHost.StrongPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    /// <summary>The notifications written so far, as (recipient e-mail, kind, source, link).</summary>
    public async Task<List<(string Email, NotificationKind Kind, string Source, string? Link)>> ToldAsync()
    {
        await using var db = Db();
        var rows = await db.Set<NotificationRecord>().AsNoTracking()
            .Join(db.Users, n => n.RecipientId, u => u.Id, (n, u) => new { u.Email, n.Kind, n.Source, n.Link, n.Id })
            .OrderBy(r => r.Id).ToListAsync();
        return rows.Select(r => (r.Email!, r.Kind, r.Source, r.Link)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        folder.Dispose();
    }
}
