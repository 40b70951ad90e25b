using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Api;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Designer.TestRuns;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Meetings;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Support;

namespace MonitoringWorkflows.Web.Tests.Authorization;

/// <summary>
/// One host for the whole matrix: the demo district with its demo users and a case, a second district with its own
/// chair, social-protection member and case, every persona signed in once.
/// </summary>
public sealed class MatrixSite : IAsyncLifetime
{
    public const string OtherDistrictCode = "OTHR";

    private readonly TestDataFolder folder = new();
    private readonly Dictionary<string, SiteClient> clients = [];
    private readonly Dictionary<string, string> authenticatorKeys = [];
    private WebApplicationFactory<Program> factory = null!;

    /// <summary>A case of the demo district: its risk screening is open for Social Protection.</summary>
    public string HomeCase { get; private set; } = "";

    /// <summary>A case of the other district, with the same kind of step for that district's Social Protection.</summary>
    public string OtherCase { get; private set; } = "";

    public long HomeTask { get; private set; }
    public long OtherTask { get; private set; }
    public long HomeInstance { get; private set; }
    public long OtherInstance { get; private set; }

    /// <summary>An open meeting of each district; the home one has the home case on its agenda (<see cref="HomeItem"/>).</summary>
    public long HomeMeeting { get; private set; }
    public long OtherMeeting { get; private set; }
    public long HomeItem { get; private set; }
    /// <summary>A test run of the referral process, started by the demo administrator (only its owner may use it).</summary>
    public Guid TestRun { get; private set; }

    public IServiceProvider Services => factory.Services;

    public async Task InitializeAsync()
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Data:Folder", folder.Combine("data")).UseSetting("Demo:Enabled", "true"));
        _ = factory.Server;
        var other = await CreateOtherDistrictAsync();
        (HomeCase, HomeTask, HomeInstance) = await RecordCaseAsync(await DemoDistrictAsync(), "registrar@demo.az");
        (OtherCase, OtherTask, OtherInstance) = await RecordCaseAsync(other, "registrar@other.az");
        (HomeMeeting, HomeItem) = await ScheduleMeetingAsync(await DemoDistrictAsync(), HomeCase);
        (OtherMeeting, _) = await ScheduleMeetingAsync(other, OtherCase);
        var testRun = await Services.GetRequiredService<TestRunControl>().StartAsync(
            new StartTestRun(null, "violenceReportReferral", null, null), "admin@demo.az", CancellationToken.None);
        TestRun = testRun.Run!.Id;
        foreach (var persona in Personas.All.Where(p => p.Email is not null))
            clients[persona.Name] = await SignInAsync(persona.Email!);
        clients[Personas.Anonymous.Name] = NewClient();
    }

    internal SiteClient ClientOf(Persona persona) => clients[persona.Name];

    /// <summary>The token a persona's page scripts would send; none for the anonymous visitor, who cannot get one.</summary>
    public async Task<string?> AntiforgeryTokenAsync(Persona persona)
    {
        if (persona.Email is null) return null;
        var token = await ClientOf(persona).Http.GetFromJsonAsync<AntiforgeryToken>("/api/antiforgery");
        return token!.Token;
    }

    private SiteClient NewClient() => new(factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost"),
    }));

    private async Task<SiteClient> SignInAsync(string email)
    {
        var client = NewClient();
        var password = email.EndsWith("@demo.az", StringComparison.Ordinal) ? SiteHost.DemoPassword : SiteHost.StrongPassword;
        var signedIn = await client.SignInAsync(email, password);
        if (authenticatorKeys.TryGetValue(email, out var key))
            signedIn = await client.PostFormAsync("/identity/sign-in/code",
                new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("/", SiteClient.RedirectPath(signedIn));
        return client;
    }

    private async Task<int> DemoDistrictAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        return (await db.Districts.SingleAsync(d => d.Code == OrganisationSeeder.DemoDistrictCode)).Id;
    }

    private async Task<int> CreateOtherDistrictAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var district = new District { Code = OtherDistrictCode, Name = "Other district" };
        db.Districts.Add(district);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var persona in Personas.All.Where(p => p.Email?.EndsWith("@other.az", StringComparison.Ordinal) == true))
        {
            var user = new ApplicationUser
            {
                UserName = persona.Email, Email = persona.Email, DisplayName = persona.Name, DistrictId = district.Id, AgencyCode = persona.Agency,
            };
            Assert.True((await users.CreateAsync(user, SiteHost.StrongPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, persona.Role!)).Succeeded);
            if (!Roles.RequiringTwoFactor.Contains(persona.Role!)) continue;
            // A real chair must use a second factor: this one has an authenticator set up, as after enrolment.
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            authenticatorKeys[persona.Email!] = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        return district.Id;
    }

    private async Task<(string Number, long Task, long Instance)> RecordCaseAsync(int district, string registrar)
    {
        await using var scope = Services.CreateAsyncScope();
        var report = new ReportInput
        {
            Channel = "phone", PerpetratorRelation = "partner", IncidentDate = "2026-11-20", IncidentPlace = "Home",
            Narrative = "Matrix case", Victims = [new VictimInput { Age = "30", Sex = "female" }], ViolenceTypes = ["physical"],
        };
        var recorded = await scope.ServiceProvider.GetRequiredService<CaseIntake>().RecordAsync(report, district, registrar, CancellationToken.None);
        Assert.True(recorded.Start.IsOk, recorded.Start.Message);
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var task = await db.UserTasks.SingleAsync(t => t.Instance!.BusinessKey == recorded.CaseNumber && t.Status == UserTaskStatus.Open);
        return (recorded.CaseNumber, task.Id, task.InstanceId);
    }

    private async Task<(long Meeting, long Item)> ScheduleMeetingAsync(int district, string caseNumber)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var meeting = new MeetingRecord
        {
            DistrictId = district, Place = "Room 1", ScheduledAt = DateTimeOffset.UtcNow.AddDays(7), CreatedBy = "secretary", CreatedAt = DateTimeOffset.UtcNow,
            Items = [new AgendaItemRecord { CaseNumber = caseNumber, Position = 1 }],
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return (meeting.Id, meeting.Items[0].Id);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in clients.Values) client.Dispose();
        await factory.DisposeAsync();
        folder.Dispose();
    }
}
