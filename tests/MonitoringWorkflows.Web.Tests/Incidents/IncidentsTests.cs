using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.CasePages;
using static MonitoringWorkflows.Web.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Web.Tests.Incidents;

public sealed class IncidentsTests
{
    // A → a gateway over a variable the step may not have given → B or End: completing A without "risk" is an incident.
    private static readonly string Screening = Process("screening", """
        <bpmn:startEvent id="Start" />
        <bpmn:userTask id="A" name="First look" mw:agency="Police" />
        <bpmn:exclusiveGateway id="Level" name="Level?" default="F_Low" />
        <bpmn:userTask id="B" mw:agency="Health" />
        <bpmn:endEvent id="End" />
        """ + Flow("F1", "Start", "A") + Flow("F2", "A", "Level")
        + Flow("F_High", "Level", "B", "risk.score >= 14") + Flow("F_Low", "Level", "End") + Flow("F3", "B", "End"));

    [Fact]
    public async Task List_AdministratorGetsDetails_ChairGetsTheCaseWithoutThem_OthersAreRefused()
    {
        await using var site = new CaseSite();
        var (number, instance, incident) = await IncidentAsync(site);

        var admin = await (await site.SignedInAsync("admin@demo.az")).Http.GetFromJsonAsync<JsonArray>("/api/incidents");
        var chair = await (await site.SignedInAsync("chair@demo.az")).Http.GetFromJsonAsync<JsonArray>("/api/incidents");
        var police = await site.SignedInAsync("police@demo.az");

        var seen = Assert.Single(admin!);
        Assert.Equal(incident, (long)seen!["id"]!);
        Assert.Equal("Level", (string)seen["details"]!["elementId"]!);
        Assert.Equal(instance, (long)seen["details"]!["instanceId"]!);
        Assert.Contains("CompleteTask", (string)seen["details"]!["trigger"]!);
        var plain = Assert.Single(chair!);
        Assert.Equal(number, (string)plain!["caseNumber"]!);
        Assert.Equal("Level?", (string)plain["stepName"]!);
        Assert.Null(plain["details"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/api/incidents")).StatusCode);
    }

    [Fact]
    public async Task Retry_IsJournaled_FailingAgainThenSucceedingOnceTheCauseIsFixed()
    {
        await using var site = new CaseSite();
        var (_, instance, incident) = await IncidentAsync(site);
        var chair = await site.SignedInAsync("chair@demo.az");

        var failing = await CaseSite.PostJsonAsync(chair, $"/api/incidents/{incident}/retry", new { });
        await FixRiskAsync(site, instance);
        var retried = await CaseSite.PostJsonAsync(chair, $"/api/incidents/{incident}/retry", new { });
        var again = await CaseSite.PostJsonAsync(chair, $"/api/incidents/{incident}/retry", new { });

        Assert.Equal(HttpStatusCode.Conflict, failing.StatusCode);
        Assert.DoesNotContain("risk", await failing.Content.ReadAsStringAsync()); // no technical detail for the chair
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        await using var db = site.Database();
        var journal = await db.JournalEntries.Where(j => j.InstanceId == instance && j.Kind == JournalKind.IncidentRetried)
            .OrderBy(j => j.Id).ToListAsync();
        Assert.Equal(["chair@demo.az", "chair@demo.az"], journal.Select(j => j.Actor));
        Assert.StartsWith($"Incident {incident}: Incident", journal[0].Detail);
        Assert.Equal($"Incident {incident}: Ok", journal[1].Detail);
        Assert.NotNull((await db.Incidents.SingleAsync(i => i.Id == incident)).ResolvedAt);
        Assert.Equal(ProcessInstanceStatus.Completed, (await db.ProcessInstances.SingleAsync(i => i.Id == instance)).Status); // score 3: the low route ends it
    }

    [Fact]
    public async Task Retry_OfTheIncidentThatStoppedACasesStart_MarksTheCaseStarted()
    {
        await using var site = new CaseSite();
        var (number, instance, incident) = await IncidentAsync(site);
        await using (var db = site.Database())
        {
            // As the intake leaves a case whose start ended in an incident: not started, naming the stopped instance.
            await db.Cases.Where(c => c.Number == number).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, CaseStatus.ProcessNotStarted).SetProperty(c => c.ProcessInstanceId, instance));
            await db.VictimFacts.ExecuteUpdateAsync(s => s.SetProperty(f => f.ProcessInstanceId, (long?)null));
        }
        var chair = await site.SignedInAsync("chair@demo.az");
        var before = await chair.GetPageAsync("/cases?status=notStarted");

        await FixRiskAsync(site, instance);
        var retried = await CaseSite.PostJsonAsync(chair, $"/api/incidents/{incident}/retry", new { });

        Assert.Contains($"data-case=\"{number}\"", before);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await using var read = site.Database();
        var started = await read.Cases.SingleAsync(c => c.Number == number);
        Assert.Equal((CaseStatus.Open, (long?)instance), (started.Status, started.ProcessInstanceId));
        Assert.All(await read.VictimFacts.Where(f => f.CaseId == started.Id).ToListAsync(), f => Assert.Equal(instance, f.ProcessInstanceId));
        Assert.DoesNotContain($"data-case=\"{number}\"", await chair.GetPageAsync("/cases?status=notStarted"));
    }

    [Fact]
    public async Task Cancel_NeedsAReason_ThenCancelsTheInstanceWithTheReasonJournaled()
    {
        await using var site = new CaseSite();
        var (_, instance, incident) = await IncidentAsync(site);
        var admin = await site.SignedInAsync("admin@demo.az");

        var withoutReason = await CaseSite.PostJsonAsync(admin, $"/api/incidents/{incident}/cancel", new { reason = " " });
        var cancelled = await CaseSite.PostJsonAsync(admin, $"/api/incidents/{incident}/cancel", new { reason = "Wrong process started." });

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await using var db = site.Database();
        Assert.Equal(ProcessInstanceStatus.Cancelled, (await db.ProcessInstances.SingleAsync(i => i.Id == instance)).Status);
        var entry = await db.JournalEntries.SingleAsync(j => j.InstanceId == instance && j.Kind == JournalKind.InstanceCancelled);
        Assert.Equal("admin@demo.az", entry.Actor);
        Assert.Contains("Wrong process started.", entry.Detail);
        Assert.NotNull((await db.Incidents.SingleAsync(i => i.Id == incident)).ResolvedAt);
    }

    [Fact]
    public async Task AnotherDistrictsIncident_IsNotListedAndAnswersAsMissing()
    {
        await using var site = new CaseSite();
        var (_, _, incident) = await IncidentAsync(site);
        await using (var db = site.Database())
        {
            // The case now belongs to a district the chair does not serve.
            db.Districts.Add(new Web.Organisation.District { Code = "ELSE", Name = "Elsewhere" });
            await db.SaveChangesAsync();
            var elsewhere = await db.Districts.SingleAsync(d => d.Code == "ELSE");
            await db.Cases.ExecuteUpdateAsync(s => s.SetProperty(c => c.DistrictId, elsewhere.Id));
        }
        var chair = await site.SignedInAsync("chair@demo.az");

        var listed = await chair.Http.GetFromJsonAsync<JsonArray>("/api/incidents");
        var retry = await CaseSite.PostJsonAsync(chair, $"/api/incidents/{incident}/retry", new { });

        Assert.Empty(listed!);
        Assert.Equal(HttpStatusCode.NotFound, retry.StatusCode);
    }

    [Fact]
    public async Task Page_ShowsTheIncidentWithRetryAndAConfirmedCancel()
    {
        await using var site = new CaseSite();
        var (number, _, incident) = await IncidentAsync(site);
        var chair = await site.SignedInAsync("chair@demo.az");

        var html = await chair.GetPageAsync("/incidents");

        Assert.Contains($"data-incident=\"{incident}\"", html);
        Assert.Contains($"/cases/{number}", html);
        Assert.Contains("name=\"Confirmed\"", html);
        Assert.DoesNotContain("class=\"trigger\"", html);
    }

    /// <summary>A case of the demo district with a second instance stopped by an incident at the gateway.</summary>
    private static async Task<(string Number, long Instance, long Incident)> IncidentAsync(CaseSite site)
    {
        var number = await site.RecordAsync();
        await using (var db = site.Database())
        {
            db.ProcessDefinitions.Add(new ProcessDefinitionRecord
            {
                Key = "screening", Version = 1, Status = DefinitionStatus.Published, Name = "Screening", BpmnXml = Screening,
                CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow, PublishedBy = "test", PublishedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        await using var scope = site.Services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<WorkflowRunner>();
        var started = await runner.StartAsync("screening", number, null, "test", default);
        Assert.True(started.IsOk, started.Message);
        await using var read = site.Database();
        var task = await read.UserTasks.SingleAsync(t => t.InstanceId == started.InstanceId && t.ElementId == "A");
        var failed = await runner.CompleteTaskAsync(task.Id, new JsonObject { ["note"] = "no score" }, "police@demo.az", default);
        Assert.Equal(RunOutcome.Incident, failed.Outcome);
        return (number, started.InstanceId!.Value, failed.IncidentId!.Value);
    }

    private static async Task FixRiskAsync(CaseSite site, long instanceId)
    {
        await using var db = site.Database();
        var instance = await db.ProcessInstances.SingleAsync(i => i.Id == instanceId);
        var state = RuntimeJson.DeserializeState(instance.StateJson);
        state.Variables["risk"] = new JsonObject { ["score"] = 3 };
        instance.StateJson = RuntimeJson.Serialize(state);
        instance.Version++;
        await db.SaveChangesAsync();
    }
}
