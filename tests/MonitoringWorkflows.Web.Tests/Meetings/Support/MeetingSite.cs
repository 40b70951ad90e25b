using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Inbox;
using MonitoringWorkflows.Web.Meetings;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Cases.Support;
using MonitoringWorkflows.Web.Tests.Identity.Support;

namespace MonitoringWorkflows.Web.Tests.Meetings.Support;

/// <summary>
/// The whole site with the repository's workflows and the moves the meeting tests need: record reports through the
/// real intake, screen them, walk a grave case's group review up to the point where it waits for the meeting's
/// decision, and call the meeting API the way a page script would.
/// </summary>
internal sealed class MeetingSite : IAsyncDisposable
{
    public const string ReporterName = "Aysel Məmmədova";
    public const string Narrative = "Neighbour heard shouting through the wall at night.";

    private readonly IntakeSite site = new();

    public IServiceProvider Services => site.Services;

    public WorkflowDbContext Database() => site.Database();

    public Task<SiteClient> SignedInAsync(string email) => site.SignedInAsync(email);

    public static ReportInput Report(string age = "9", string sex = "female", string place = "Home, Demo village") => new()
    {
        Channel = "phone", ReporterName = ReporterName, ReporterRelation = "neighbour", ReporterContact = "+994 50 000 00 00",
        Victims = [new VictimInput { Age = age, Sex = sex }], PerpetratorRelation = "parent", ViolenceTypes = ["physical"],
        IncidentDate = "2026-01-15", IncidentPlace = place, IncidentsLast12Months = "1", Narrative = Narrative, Consent = true,
    };

    public async Task<string> RecordAsync(ReportInput? report = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var district = await db.Districts.SingleAsync(d => d.Code == OrganisationSeeder.DemoDistrictCode);
        var result = await scope.ServiceProvider.GetRequiredService<CaseIntake>().RecordAsync(report ?? Report(), district.Id, "registrar@demo.az", default);
        Assert.True(result.Start.IsOk, result.Start.Message);
        return result.CaseNumber;
    }

    /// <summary>Risk screening with this judgement: "raise-to-high" makes a child victim's case grave, an adult's high.</summary>
    public Task ScreenAsync(string number, string judgement) => CompleteAsync(number, "Task_RiskScreening", new JsonObject
    {
        ["riskIndicators"] = new JsonArray(), ["professionalJudgement"] = judgement, ["judgementReason"] = "Bruises seen.",
        ["needsShelter"] = false, ["needsMedical"] = false, ["needsPsychological"] = false, ["referralAgencies"] = new JsonArray(),
        ["consentToShare"] = true, ["screeningNotes"] = "Seen at the centre.",
    }, "social@demo.az");

    /// <summary>A grave case whose group review waits for the meeting: screened, summarised, the police's information added.</summary>
    public async Task<string> GraveCaseWaitingForReviewAsync()
    {
        var number = await RecordAsync();
        await ScreenAsync(number, "raise-to-high");
        await CompleteAsync(number, "Task_CaseSummary", new JsonObject
        {
            ["caseSummary"] = "Repeated assaults at home.", ["involvedAgencies"] = new JsonArray("Police"),
        }, "secretary@demo.az");
        await CompleteAsync(number, "Task_AgencyInformation", new JsonObject { ["agencyInformation"] = "Two call-outs since March." }, "police@demo.az");
        return number;
    }

    public async Task CompleteAsync(string number, string elementId, JsonObject data, string actor)
    {
        var step = await OpenStepAsync(number, elementId);
        var result = await Services.GetRequiredService<WorkflowRunner>().CompleteTaskAsync(step.Id, data, actor, default);
        Assert.True(result.IsOk, result.Message);
    }

    public async Task<UserTaskRecord> OpenStepAsync(string number, string elementId)
    {
        await using var db = Database();
        return await db.UserTasks.AsNoTracking()
            .FirstAsync(t => t.Instance!.BusinessKey == number && t.ElementId == elementId && t.Status == UserTaskStatus.Open);
    }

    /// <summary>The open steps an agency of the demo district sees in its inbox, through the inbox's own query.</summary>
    public async Task<IReadOnlyList<InboxRow>> InboxAsync(string agency)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var district = await db.Districts.SingleAsync(d => d.Code == OrganisationSeeder.DemoDistrictCode);
        var holder = new InboxHolder("test", $"{agency}@test", district.Id, agency, null);
        var page = await scope.ServiceProvider.GetRequiredService<InboxQueries>().ListAsync(holder, InboxFilter.Open, 1, default);
        return page.Rows;
    }

    /// <summary>The agenda the demo district would be proposed now, for a meeting that does not exist yet.</summary>
    public async Task<IReadOnlyList<ProposedItem>> ProposalAsync(long meetingId = 0)
    {
        await using var scope = Services.CreateAsyncScope();
        var district = await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Districts.SingleAsync(d => d.Code == OrganisationSeeder.DemoDistrictCode);
        return await scope.ServiceProvider.GetRequiredService<AgendaProposal>().ForAsync(district.Id, meetingId, default);
    }

    public async Task<IReadOnlyDictionary<string, long>> WaitingAsync(string number)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WaitingReviews>().ForCasesAsync([number], default);
    }

    public static async Task<HttpResponseMessage> SendAsync(SiteClient client, HttpMethod method, string path, object? body = null)
    {
        var token = await client.Http.GetFromJsonAsync<JsonObject>("/api/antiforgery");
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", (string)token!["token"]!);
        return await client.Http.SendAsync(request);
    }

    /// <summary>Schedules a meeting tomorrow as the client; answers the meeting as the API shows it.</summary>
    public static async Task<JsonObject> ScheduleAsync(SiteClient client)
    {
        var response = await SendAsync(client, HttpMethod.Post, "/api/meetings",
            new { date = Tomorrow.ToString("yyyy-MM-dd"), time = "10:00", place = "Executive authority, room 2" });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static DateOnly Tomorrow => DateOnly.FromDateTime(AzerbaijanTime.Of(DateTimeOffset.UtcNow).DateTime).AddDays(1);

    public static JsonNode Item(JsonObject meeting, string number) =>
        meeting["items"]!.AsArray().Single(i => (string)i!["caseNumber"]! == number)!;

    public ValueTask DisposeAsync() => site.DisposeAsync();
}
