using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Access;

namespace MonitoringWorkflows.Web.Tests.CasePages;

public sealed class CasesApiTests
{
    [Fact]
    public async Task Diagram_RightAfterIntake_GivesTheBpmnAndRiskScreeningAsTheCurrentElement()
    {
        await using var site = new CaseSite();
        var number = await site.RecordAsync();
        var chair = await site.SignedInAsync("chair@demo.az");

        var diagram = await chair.Http.GetFromJsonAsync<JsonObject>($"/api/cases/{number}/diagram");

        var main = diagram!["instances"]![0]!;
        Assert.Equal("violenceReportReferral", (string)main["processKey"]!);
        Assert.Contains("<bpmn:definitions", (string)main["bpmnXml"]!);
        Assert.Equal(["Task_RiskScreening"], main["current"]!.AsArray().Select(id => (string)id!));
        Assert.Contains("Start_ReportRegistered", main["passed"]!.AsArray().Select(id => (string)id!));
        Assert.NotEmpty(main["takenFlows"]!.AsArray());
    }

    [Fact]
    public async Task Diagram_AfterAMediumRiskScreening_ShowsThePathTakenAndTheReferralAsCurrent()
    {
        await using var site = new CaseSite();
        var number = await site.RecordAsync();
        await site.ScreenAsync(number, "Police");
        var chair = await site.SignedInAsync("chair@demo.az");

        var diagram = await chair.Http.GetFromJsonAsync<JsonObject>($"/api/cases/{number}/diagram");
        var main = diagram!["instances"]![0]!;

        Assert.Equal(["Task_Referral"], main["current"]!.AsArray().Select(id => (string)id!));
        Assert.Contains("Task_RiskScreening", main["passed"]!.AsArray().Select(id => (string)id!));
        Assert.Contains("Gateway_RiskLevel", main["passed"]!.AsArray().Select(id => (string)id!));
        Assert.Contains("Flow_Medium", main["takenFlows"]!.AsArray().Select(id => (string)id!));
    }

    [Fact]
    public async Task Diagram_OfAHighRiskCase_AddsTheCalledProcessesAfterTheReferral()
    {
        await using var site = new CaseSite();
        var number = await site.RecordAsync();
        await site.ScreenWithJudgementAsync(number, "raise-to-high");
        var chair = await site.SignedInAsync("chair@demo.az");

        var instances = (await chair.Http.GetFromJsonAsync<JsonObject>($"/api/cases/{number}/diagram"))!["instances"]!.AsArray();

        Assert.Equal(["violenceReportReferral", "protectiveMeasures", "groupReview"], instances.Select(i => (string)i!["processKey"]!));
        Assert.Equal(["Call_GroupReview", "Call_ProtectiveMeasures"], instances[0]!["current"]!.AsArray().Select(id => (string)id!).Order());
        var mainId = (long)instances[0]!["instanceId"]!;
        Assert.All(instances.Skip(1), child => Assert.Equal(mainId, (long)child!["parentInstanceId"]!));
        Assert.All(instances.Skip(1), child => Assert.NotEmpty(child!["current"]!.AsArray()));
    }

    [Fact]
    public async Task CaseSummary_RecordsAnApiView_AndJournalListsTheTimelineNewestFirst()
    {
        await using var site = new CaseSite();
        var number = await site.RecordAsync();
        var chair = await site.SignedInAsync("chair@demo.az");

        var details = await chair.Http.GetFromJsonAsync<JsonObject>($"/api/cases/{number}");
        var journal = (await chair.Http.GetFromJsonAsync<JsonArray>($"/api/cases/{number}/journal"))!;

        Assert.Equal(number, (string)details!["summary"]!["number"]!);
        Assert.Equal("open", (string)details["summary"]!["status"]!);
        Assert.Equal("Neighbour heard shouting.", (string)details["report"]!["narrative"]!);
        Assert.Equal(2, await site.ViewsAsync(number, "chair@demo.az", CaseViewChannels.Api));
        var ids = journal.Select(entry => (long)entry!["id"]!).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Contains(journal, entry => (string)entry!["kind"]! == "InstanceStarted");
        Assert.DoesNotContain(journal, entry => (string)entry!["kind"]! == "FlowTaken");
    }

    [Fact]
    public async Task Instance_OfAVisibleCase_GivesStatusAndCurrentElements_OtherwiseNotFound()
    {
        await using var site = new CaseSite();
        var number = await site.RecordAsync();
        long instanceId;
        await using (var db = site.Database())
            instanceId = (await db.Cases.SingleAsync(c => c.Number == number)).ProcessInstanceId!.Value;
        var chair = await site.SignedInAsync("chair@demo.az");
        var police = await site.SignedInAsync("police@demo.az");

        var instance = await chair.Http.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}");

        Assert.Equal("Running", (string)instance!["status"]!);
        Assert.Equal(number, (string)instance["caseNumber"]!);
        Assert.Equal(["Task_RiskScreening"], instance["current"]!.AsArray().Select(id => (string)id!));
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/api/instances/{instanceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chair.GetAsync("/api/instances/999999")).StatusCode);
    }

    [Fact]
    public async Task PostCase_AsRegistrar_RecordsTheCaseAndStartsTheProcess()
    {
        await using var site = new CaseSite();
        var registrar = await site.SignedInAsync(CaseSite.Registrar);

        var response = await CaseSite.PostJsonAsync(registrar, "/api/cases", CaseSite.Report());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var number = (string)body!["caseNumber"]!;
        Assert.StartsWith("DEMO-", number);
        Assert.True((bool)body["processStarted"]!);
        Assert.Equal($"/api/cases/{number}", response.Headers.Location!.OriginalString);
        Assert.Equal("Task_RiskScreening", (await site.OpenStepAsync(number, "Task_RiskScreening")).ElementId);
    }

    [Fact]
    public async Task PostCase_WithMissingAndWrongFields_AnswersFieldErrorsAndRecordsNothing()
    {
        await using var site = new CaseSite();
        var registrar = await site.SignedInAsync(CaseSite.Registrar);
        var report = CaseSite.Report();
        report.Channel = null;
        report.ViolenceTypes = ["teleportation"];
        report.Victims[0].Age = "200";
        report.IncidentDate = "2999-01-01";

        var response = await CaseSite.PostJsonAsync(registrar, "/api/cases", report);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["Channel", "IncidentDate", "Victims[0].Age", "ViolenceTypes"], errors.Select(e => e.Key).Order());
        await using var db = site.Database();
        Assert.Equal(0, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task PostCase_ByAnyoneButARegistrar_IsForbidden_AndWithoutTokenRefused()
    {
        await using var site = new CaseSite();
        var chair = await site.SignedInAsync("chair@demo.az");
        var registrar = await site.SignedInAsync(CaseSite.Registrar);

        var forbidden = await CaseSite.PostJsonAsync(chair, "/api/cases", CaseSite.Report());
        var tokenless = await registrar.Http.PostAsJsonAsync("/api/cases", CaseSite.Report());

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        await using var db = site.Database();
        Assert.Equal(0, await db.Cases.CountAsync());
    }
}
