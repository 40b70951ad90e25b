using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Cases.Support;
using MonitoringWorkflows.Web.Tests.Identity.Support;

namespace MonitoringWorkflows.Web.Tests.CasePages;

/// <summary>
/// The whole site with the repository's workflows (through <see cref="IntakeSite"/>), and the moves the case page
/// tests need: record a report, screen its risk, make a step overdue, call the API with an antiforgery token.
/// </summary>
internal sealed class CaseSite : IAsyncDisposable
{
    public const string Registrar = "registrar@demo.az";

    private readonly IntakeSite site = new();

    public IServiceProvider Services => site.Services;

    public Task<SiteClient> SignedInAsync(string email, string password = SiteHost.DemoPassword) => site.SignedInAsync(email, password);

    public Task<SiteClient> RegistrarOfAnotherDistrictAsync() => site.RegistrarOfAnotherDistrictAsync();

    /// <summary>Records a report in the demo district as the demo registrar would, straight through the intake.</summary>
    public async Task<string> RecordAsync(bool consent = true, string narrative = "Neighbour heard shouting.")
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var district = await db.Districts.SingleAsync(d => d.Code == OrganisationSeeder.DemoDistrictCode);
        var result = await scope.ServiceProvider.GetRequiredService<CaseIntake>().RecordAsync(Report(consent, narrative), district.Id, Registrar, default);
        Assert.True(result.Start.IsOk, result.Start.Message);
        return result.CaseNumber;
    }

    public static ReportInput Report(bool consent = true, string narrative = "Neighbour heard shouting.") => new()
    {
        Channel = "phone", ReporterName = "Aysel Məmmədova", ReporterRelation = "neighbour", ReporterContact = "+994 50 000 00 00",
        Victims = [new VictimInput { Age = "9", Sex = "female" }], PerpetratorRelation = "parent", ViolenceTypes = ["physical"],
        IncidentDate = "2026-01-15", IncidentPlace = "Home, Demo village", IncidentsLast12Months = "1", Narrative = narrative,
        Consent = consent,
    };

    /// <summary>Completes the risk screening: raised to medium with a reason, referred to the agencies given.</summary>
    public Task ScreenAsync(string caseNumber, params string[] referTo) => ScreenWithJudgementAsync(caseNumber, "raise-to-medium", referTo);

    /// <summary>Completes the risk screening with this professional judgement (with a reason), referred to the agencies given.</summary>
    public async Task ScreenWithJudgementAsync(string caseNumber, string judgement, params string[] referTo)
    {
        var task = await OpenStepAsync(caseNumber, "Task_RiskScreening");
        var data = new JsonObject
        {
            ["riskIndicators"] = new JsonArray(), ["professionalJudgement"] = judgement, ["judgementReason"] = "Bruises seen.",
            ["needsShelter"] = false, ["needsMedical"] = false, ["needsPsychological"] = false,
            ["referralAgencies"] = new JsonArray(referTo.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["consentToShare"] = true, ["screeningNotes"] = "Seen at the centre.",
        };
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<WorkflowRunner>().CompleteTaskAsync(task.Id, data, "social@demo.az", default);
        Assert.True(result.IsOk, result.Message);
    }

    public async Task<UserTaskRecord> OpenStepAsync(string caseNumber, string elementId)
    {
        await using var db = site.Database();
        return await db.UserTasks.AsNoTracking().SingleAsync(t =>
            t.Instance!.BusinessKey == caseNumber && t.ElementId == elementId && t.Status == UserTaskStatus.Open);
    }

    /// <summary>Moves the due date of the case's open steps a day into the past.</summary>
    public async Task MakeOverdueAsync(string caseNumber)
    {
        await using var db = site.Database();
        var steps = await db.UserTasks.Where(t => t.Instance!.BusinessKey == caseNumber && t.Status == UserTaskStatus.Open).ToListAsync();
        foreach (var step in steps) step.DueAt = DateTimeOffset.UtcNow.AddDays(-1);
        await db.SaveChangesAsync();
    }

    public WorkflowDbContext Database() => site.Database();

    public async Task<int> ViewsAsync(string caseNumber, string user, string via)
    {
        await using var db = site.Database();
        return await db.CaseViews.CountAsync(v => v.CaseNumber == caseNumber && v.UserName == user && v.Via == via);
    }

    /// <summary>A POST to the API the way a page script sends it: the session's antiforgery token in the header.</summary>
    public static async Task<HttpResponseMessage> PostJsonAsync(SiteClient client, string path, object body)
    {
        var token = await client.Http.GetFromJsonAsync<JsonObject>("/api/antiforgery");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", (string)token!["token"]!);
        return await client.Http.SendAsync(request);
    }

    public ValueTask DisposeAsync() => site.DisposeAsync();
}
