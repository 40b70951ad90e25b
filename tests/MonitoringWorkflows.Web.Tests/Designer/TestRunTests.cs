using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Tests.Designer.Support;

namespace MonitoringWorkflows.Web.Tests.Designer;

public sealed class TestRunTests : IAsyncLifetime
{
    private static readonly string[] Tables =
        ["ProcessInstances", "Cases", "UserTasks", "Timers", "JournalEntries", "OutboxMessages", "Notifications", "Incidents"];

    private readonly DesignerSite site = new();

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TestRun_WalksTheReferralDraftToItsEndThroughTasksAndATimer_WithoutARowInTheDatabase()
    {
        using var admin = await site.AdminAsync();
        var before = await CountRowsAsync();
        var start = new JsonObject
        {
            ["xml"] = File.ReadAllText(Path.Combine(Path.GetDirectoryName(Forms.ShippedForms.Folder)!, "violence-report-referral.bpmn")),
            ["variables"] = new JsonObject { ["caseNumber"] = "TEST-1", ["victimAge"] = 30, ["childVictim"] = false, ["incidentsLast12Months"] = 0 },
        };

        var started = await admin.PostAsync("/api/designer/test-runs", start.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var run = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        var path = $"/api/designer/test-runs/{run["id"]}";
        Assert.Equal(["Task_RiskScreening"], OpenTasks(run));
        Assert.Equal("risk-screening", (string)run["forms"]!["risk-screening"]!["id"]!);

        run = await OkAsync(admin.PostAsync($"{path}/tasks/Task_RiskScreening/complete", """
            { "riskIndicators": ["injuries", "veryFrightened", "fearOfHarm", "isolation", "depression", "separation", "stalking"],
              "professionalJudgement": "none", "referralAgencies": ["Police", "Health"] }
            """));
        Assert.Equal(["Task_Referral", "Task_Referral"], OpenTasks(run));
        Assert.Equal(["Police", "Health"], run["openTasks"]!.AsArray().Select(t => (string)t!["agency"]!));
        var timer = run["timers"]!.AsArray().Single()!;
        Assert.Equal("Boundary_ReferralOverdue", (string)timer["elementId"]!);

        run = await OkAsync(admin.PostAsync($"{path}/timers/{timer["id"]}/fire", "{}"));
        Assert.Equal("notification", (string)run["actions"]!.AsArray().Single()!["kind"]!);
        Assert.Equal((DateTimeOffset)timer["dueAt"]!, (DateTimeOffset)run["now"]!);

        run = await OkAsync(admin.PostAsync($"{path}/tasks/Task_Referral/complete", """{ "referralStatus": "accepted" }"""));
        run = await OkAsync(admin.PostAsync($"{path}/tasks/Task_Referral/complete", """{ "referralStatus": "done", "outcomeNote": "Seen" }"""));
        Assert.Equal(["Task_ClosureApproval"], OpenTasks(run));
        run = await OkAsync(admin.PostAsync($"{path}/tasks/Task_ClosureApproval/complete", """{ "closureDecision": "approve" }"""));

        Assert.Equal("Completed", (string)run["status"]!);
        Assert.Empty(run["openTasks"]!.AsArray());
        Assert.Contains(run["journal"]!.AsArray(), j => (string)j!["kind"]! == "TimerFired");
        Assert.Equal(2, run["instances"]![0]!["variables"]!["referralResponses"]!.AsArray().Count);
        Assert.Equal(before, await CountRowsAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task TestRun_OfTheHighRoute_RunsTheCalledProcessesOnTheirPublishedVersions()
    {
        using var admin = await site.AdminAsync();

        var started = await admin.PostAsync("/api/designer/test-runs", """
            { "processKey": "violenceReportReferral", "variables": { "caseNumber": "TEST-2", "seriousInjuries": true } }
            """);
        var run = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        run = await OkAsync(admin.PostAsync($"/api/designer/test-runs/{run["id"]}/tasks/Task_RiskScreening/complete",
            """{ "professionalJudgement": "none" }"""));

        var instances = run["instances"]!.AsArray();
        Assert.Equal(["violenceReportReferral", "protectiveMeasures", "groupReview"], instances.Select(i => (string)i!["processKey"]!));
        Assert.Equal("v1", (string)instances[1]!["version"]!);
        Assert.Equal([1, 1], instances.Skip(1).Select(i => (int)i!["parentNo"]!));
        Assert.NotEmpty(run["openTasks"]!.AsArray());
        Assert.Contains(run["actions"]!.AsArray(), a => (string)a!["elementId"]! == "Task_NotifyChair");
    }

    [Fact]
    public async Task TestRun_OfTheGroupReview_WaitsForTheMeetingsDecision_AndTheMessageCarriesItOn()
    {
        using var admin = await site.AdminAsync();
        var started = await admin.PostAsync("/api/designer/test-runs",
            """{ "processKey": "groupReview", "variables": { "involvedAgencies": ["Police"] } }""");
        var path = $"/api/designer/test-runs/{(await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]}";
        await OkAsync(admin.PostAsync($"{path}/tasks/Task_CaseSummary/complete", """{ "summary": "Grave" }"""));
        await OkAsync(admin.PostAsync($"{path}/tasks/Task_AgencyInformation/complete", """{ "agencyInformation": "Known" }"""));

        var early = await admin.PostAsync($"{path}/messages", """{ "name": "somethingElse" }""");
        var run = await OkAsync(admin.PostAsync($"{path}/messages",
            """{ "name": "groupReviewDecision", "data": { "actions": [{ "agency": "Health", "description": "Check up", "dueIn": "P5D" }] } }"""));

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("Health", (string)run["openTasks"]!.AsArray().Single()!["agency"]!);
        Assert.Contains(run["journal"]!.AsArray(), j => (string)j!["kind"]! == "MessageReceived");
        // The output mapping reads actionNote: without it the step is an incident, and the run is as it was before.
        var incident = await admin.PostAsync($"{path}/tasks/Task_CarryOutAction/complete", """{ "actionOutcome": "done" }""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incident.StatusCode);
        var after = (await incident.Content.ReadFromJsonAsync<JsonObject>())!["run"]!;
        Assert.Equal("EXPR002", (string)after["incidents"]!.AsArray().Single()!["code"]!);
        Assert.Equal(["Task_CarryOutAction"], after["openTasks"]!.AsArray().Select(t => (string)t!["elementId"]!));
        await OkAsync(admin.PostAsync($"{path}/tasks/Task_CarryOutAction/complete", """{ "actionOutcome": "done", "actionNote": "Seen" }"""));
        run = await OkAsync(admin.PostAsync($"{path}/tasks/Task_ConfirmCompletion/complete", """{ "chairDecision": "confirmed" }"""));
        Assert.Equal("Completed", (string)run["status"]!);
    }

    [Fact]
    public async Task TestRun_OfAFileThatCannotBeRead_IsRefusedWithTheReasons()
    {
        using var admin = await site.AdminAsync();

        var response = await admin.PostAsync("/api/designer/test-runs", """{ "xml": "<definitions>not bpmn" }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("BPMN", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TestRun_OfAnotherAdministrator_IsAnsweredAsMissing()
    {
        using var admin = await site.AdminAsync();
        var started = await admin.PostAsync("/api/designer/test-runs", """{ "processKey": "violenceReportReferral" }""");
        var id = (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var control = site.Get<MonitoringWorkflows.Web.Designer.TestRuns.TestRunControl>();

        var asOther = await control.ViewAsync(Guid.Parse(id), "admin2@demo.az", CancellationToken.None);

        Assert.Null(asOther.Run);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/designer/test-runs/{id}")).StatusCode);
    }

    [Fact]
    public async Task TestRunPage_CarriesTheDraftPostedByTheDesigner()
    {
        using var admin = await site.AdminAsync();

        var response = await admin.Site.PostFormAsync("/designer/test-run",
            new Dictionary<string, string> { ["xml"] = "<bpmn:definitions id=\"Posted\"/>", ["processKey"] = "posted" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"test-run-start\"", html);
        Assert.Contains("Posted", html);
        Assert.Contains("\"processKey\":\"posted\"", html);
        Assert.DoesNotContain("<bpmn:definitions", html);
    }

    private static string[] OpenTasks(JsonObject run) => run["openTasks"]!.AsArray().Select(t => (string)t!["elementId"]!).ToArray();

    private static async Task<JsonObject> OkAsync(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private async Task<Dictionary<string, long>> CountRowsAsync()
    {
        await using var db = site.Database();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""SELECT COUNT(*) FROM "{table}" """;
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }
        return counts;
    }

    public async Task DisposeAsync() => await site.DisposeAsync();
}
