using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Support;

namespace MonitoringWorkflows.Web.Tests.Inbox.Support;

/// <summary>
/// The whole web host in demo mode with the shipped workflows imported, and the cases the inbox tests need: reports
/// recorded through the real intake, screened through the real runner, in the demo district or a second one.
/// </summary>
internal sealed class InboxSite : IAsyncDisposable
{
    public const string OtherPolice = "police@other.az";
    public const string SecondSocial = "social2@demo.az";

    private readonly TestDataFolder folder = new();
    private readonly WebApplicationFactory<Program> factory;

    public InboxSite() =>
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            web.UseSetting("Data:Folder", folder.Combine("data")).UseSetting("Demo:Enabled", "true"));

    public IServiceProvider Services => factory.Services;

    public WorkflowDbContext Database() => Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();

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

    /// <summary>Records a report in <paramref name="districtCode"/>: the case starts with risk screening for Social Protection.</summary>
    public async Task<string> RecordCaseAsync(string districtCode = OrganisationSeeder.DemoDistrictCode, bool consent = true,
        string narrative = "The neighbour heard shouting.")
    {
        int district;
        await using (var db = Database()) district = (await db.Districts.SingleAsync(d => d.Code == districtCode)).Id;
        await using var scope = Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<CaseIntake>();
        var result = await intake.RecordAsync(Report(consent, narrative), district, "registrar@demo.az", CancellationToken.None);
        Assert.Equal(RunOutcome.Ok, result.Start.Outcome);
        return result.CaseNumber;
    }

    /// <summary>Completes the case's risk screening as medium risk referred to <paramref name="agencies"/>: one referral step each.</summary>
    public async Task ScreenAsMediumAsync(string caseNumber, params string[] agencies)
    {
        var screening = await OpenStepAsync(caseNumber, "Task_RiskScreening");
        var data = new JsonObject
        {
            ["professionalJudgement"] = "raise-to-medium", ["judgementReason"] = "Repeated threats.",
            ["referralAgencies"] = new JsonArray(agencies.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
        };
        var result = await Services.GetRequiredService<WorkflowRunner>().CompleteTaskAsync(screening.Id, data, "social@demo.az", CancellationToken.None);
        Assert.Equal(RunOutcome.Ok, result.Outcome);
    }

    public async Task<UserTaskRecord> OpenStepAsync(string caseNumber, string elementId, string? agency = null)
    {
        await using var db = Database();
        return await db.UserTasks.AsNoTracking()
            .Where(t => t.Instance!.BusinessKey == caseNumber && t.ElementId == elementId && t.Status == UserTaskStatus.Open)
            .Where(t => agency == null || t.Agency == agency)
            .SingleAsync();
    }

    public async Task<UserTaskRecord> StepAsync(long id)
    {
        await using var db = Database();
        return await db.UserTasks.AsNoTracking().SingleAsync(t => t.Id == id);
    }

    public async Task<ApplicationUser> FindUserAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }

    /// <summary>A second district with its own police member.</summary>
    public async Task AddOtherDistrictAsync()
    {
        await using (var db = Database())
        {
            db.Districts.Add(new District { Code = "OTHER", Name = "Other district" });
            await db.SaveChangesAsync();
        }
        await CreateMemberAsync(OtherPolice, Roles.AgencyMember, "Police", "OTHER");
    }

    public async Task CreateMemberAsync(string email, string role, string? agency, string districtCode = OrganisationSeeder.DemoDistrictCode)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var district = await db.Districts.SingleAsync(d => d.Code == districtCode);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = $"Member {email}", AgencyCode = agency, DistrictId = district.Id };
        Assert.True((await users.CreateAsync(user, SiteHost.StrongPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        folder.Dispose();
    }

    private static ReportInput Report(bool consent, string narrative) => new()
    {
        Channel = "phone", ReporterName = "Aysel Məmmədova", ReporterRelation = "neighbour", ReporterContact = "+994 50 000 00 00",
        Victims = [new VictimInput { Age = "34", Sex = "female" }], PerpetratorRelation = "partner",
        ViolenceTypes = ["physical", "psychological"], IncidentDate = "2026-01-15", IncidentPlace = "Home, Demo village",
        IncidentsLast12Months = "1", Narrative = narrative, Consent = consent,
    };
}

/// <summary>API calls the way the step page's script makes them: JSON, with the antiforgery token in the header.</summary>
internal static class Api
{
    public static async Task<HttpResponseMessage> PostAsync(this SiteClient client, string path, JsonNode? body = null, bool withToken = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json"),
        };
        if (withToken)
        {
            var token = await client.Http.GetFromJsonAsync<JsonObject>("/api/antiforgery");
            request.Headers.Add("X-CSRF-TOKEN", token!["token"]!.GetValue<string>());
        }
        return await client.Http.SendAsync(request);
    }

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;
}
