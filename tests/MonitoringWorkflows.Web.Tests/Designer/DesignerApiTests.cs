using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Cases.Support;
using MonitoringWorkflows.Web.Tests.Designer.Support;

namespace MonitoringWorkflows.Web.Tests.Designer;

/// <summary>The designer's API on the whole host with the shipped workflows: drafts, conflicts, import, validation, publishing.</summary>
public sealed class DesignerApiTests
{
    private const string Referral = "/api/designer/processes/" + ReferralChange.ProcessKey;

    [Fact]
    public async Task Save_WithTheCurrentRevision_IsKept_AndASecondAdministratorsStaleSave_GetsAConflictNamingWhoSaved()
    {
        await using var site = new IntakeSite(withWorkflows: false);
        var first = new DesignerClient(await site.SignedInAsync("admin@demo.az"));
        var created = await first.PostAsync("/api/designer/processes", new { key = "homeVisit", name = "Home visit" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await DesignerClient.JsonAsync(created);
        Assert.Equal(1, draft.GetProperty("revision").GetInt32());
        Assert.Contains("startEvent", draft.GetProperty("content").GetString());

        var saved = await first.PutAsync("/api/designer/processes/homeVisit/draft", new { content = "<first/>", revision = 1 });
        Assert.Equal(2, (await DesignerClient.JsonAsync(saved)).GetProperty("revision").GetInt32());
        var stale = await first.PutAsync("/api/designer/processes/homeVisit/draft", new { content = "<second/>", revision = 1 });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await DesignerClient.JsonAsync(stale);
        Assert.Equal(("admin@demo.az", 2), (problem.GetProperty("by").GetString(), problem.GetProperty("currentRevision").GetInt32()));
        var kept = await first.GetJsonAsync("/api/designer/processes/homeVisit/draft");
        Assert.Equal("<first/>", kept.GetProperty("content").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await first.PostAsync("/api/designer/processes", new { key = "homeVisit" })).StatusCode);
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&x;</bpmn:definitions>""", "BPMN002")]
    [InlineData("this is not xml", "BPMN001")]
    [InlineData("""<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>""", "BPMN005")]
    [InlineData("""<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="violenceReportReferral"><bpmn:startEvent id="s"/><bpmn:startEvent id="s"/><bpmn:complexGateway id="g"/></bpmn:process></bpmn:definitions>""", "BPMN003")]
    public async Task Import_OfAHostileOrInvalidFile_IsRefusedWithItsReasons_AndTheDraftStaysAsItWas(string file, string code)
    {
        await using var site = new IntakeSite();
        var admin = new DesignerClient(await site.SignedInAsync("admin@demo.az"));
        var before = await admin.GetJsonAsync(Referral + "/draft");
        var revision = (await DesignerClient.JsonAsync(await admin.PutAsync(Referral + "/draft",
            new { content = before.GetProperty("content").GetString() + "<!-- mine -->", revision = 0 }))).GetProperty("revision").GetInt32();

        var refused = await admin.UploadAsync("/api/designer/processes/import", "referral.bpmn", file);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var codes = (await DesignerClient.JsonAsync(refused)).GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        Assert.Contains(code, codes);
        var after = await admin.GetJsonAsync(Referral + "/draft");
        Assert.Equal(revision, after.GetProperty("revision").GetInt32());
        Assert.EndsWith("<!-- mine -->", after.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Import_OfAnUnsupportedElement_ListsEveryReason()
    {
        await using var site = new IntakeSite(withWorkflows: false);
        var admin = new DesignerClient(await site.SignedInAsync("admin@demo.az"));
        const string file = """<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s"/><bpmn:complexGateway id="g"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="nowhere"/></bpmn:process></bpmn:definitions>""";

        var refused = await admin.UploadAsync("/api/designer/processes/import", "p.bpmn", file);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var diagnostics = (await DesignerClient.JsonAsync(refused)).GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Contains(diagnostics, d => d.GetProperty("code").GetString() == "BPMN010" && d.GetProperty("elementId").GetString() == "g");
        Assert.Contains(diagnostics, d => d.GetProperty("code").GetString() == "BPMN008");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/designer/processes/p/draft")).StatusCode);
    }

    [Fact]
    public async Task Validate_NamesTheElementOfEachProblem_IncludingTheServersOwnChecks()
    {
        await using var site = new IntakeSite();
        var admin = new DesignerClient(await site.SignedInAsync("admin@demo.az"));
        var xml = (await admin.GetJsonAsync(Referral + "/draft")).GetProperty("content").GetString()!;
        var broken = ReferralChange.WithHealthStepAfterScreening(xml, formKey: "no-such-form")
            .Replace("mw:agency=\"SocialProtection\" mw:formKey=\"risk-screening\"", "mw:agency=\"Fire\" mw:formKey=\"risk-screening\"")
            .Replace("<mw:input target=\"subject\" source=\"Referral overdue\" />", "<mw:input target=\"colour\" source=\"red\" />");

        var report = await DesignerClient.JsonAsync(await admin.PostAsync(Referral + "/validate", new { content = broken }));

        var found = report.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (d.GetProperty("code").GetString(), d.GetProperty("elementId").GetString())).ToList();
        Assert.Contains(("BPMN025", ReferralChange.HealthTaskId), found);
        Assert.Contains(("BPMN028", "Task_RiskScreening"), found);
        Assert.Contains(("DESIGN002", "Task_NotifyReferralOverdue"), found);
        var check = await DesignerClient.JsonAsync(await admin.PostAsync("/api/designer/validate-expression", new { source = "riskScore >= ", kind = "Condition" }));
        Assert.False(check.GetProperty("valid").GetBoolean());
        var duration = await DesignerClient.JsonAsync(await admin.PostAsync("/api/designer/validate-expression", new { source = "P3D", kind = "Duration" }));
        Assert.True(duration.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Publish_WithAFormKeyThatDoesNotExist_IsRefusedNamingTheTask_AndNothingIsPublished()
    {
        await using var site = new IntakeSite();
        var admin = new DesignerClient(await site.SignedInAsync("admin@demo.az"));
        var xml = (await admin.GetJsonAsync(Referral + "/draft")).GetProperty("content").GetString()!;
        await admin.PutAsync(Referral + "/draft", new { content = ReferralChange.WithHealthStepAfterScreening(xml, "no-such-form"), revision = 0 });

        var refused = await admin.PostAsync(Referral + "/publish", new { revision = 1 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await DesignerClient.JsonAsync(refused);
        Assert.Contains(problem.GetProperty("diagnostics").EnumerateArray(), d =>
            d.GetProperty("elementId").GetString() == ReferralChange.HealthTaskId && d.GetProperty("message").GetString()!.Contains("no-such-form"));
        await using var db = site.Database();
        Assert.Equal([1], await db.ProcessDefinitions.Where(d => d.Key == ReferralChange.ProcessKey && d.Status == DefinitionStatus.Published).Select(d => d.Version).ToListAsync());
    }

    [Fact]
    public async Task Publish_CreatesVersionTwo_ANewCaseRunsOnIt_ARunningCaseStaysOnItsVersion_WithoutARestart()
    {
        await using var site = new IntakeSite();
        var runner = site.Services.GetRequiredService<WorkflowRunner>();
        var before = await runner.StartAsync(ReferralChange.ProcessKey, "DEMO-2026-0901", null, "test", CancellationToken.None);
        var admin = new DesignerClient(await site.SignedInAsync("admin@demo.az"));
        var xml = (await admin.GetJsonAsync(Referral + "/draft")).GetProperty("content").GetString()!;
        await admin.PutAsync(Referral + "/draft", new { content = ReferralChange.WithHealthStepAfterScreening(xml), revision = 0 });

        var published = await admin.PostAsync(Referral + "/publish", new { revision = 1 });

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(2, (await DesignerClient.JsonAsync(published)).GetProperty("version").GetInt32());
        var after = await runner.StartAsync(ReferralChange.ProcessKey, "DEMO-2026-0902", null, "test", CancellationToken.None);
        Assert.Equal(new[] { 1, 2 }, new[] { await VersionOfAsync(site, before.InstanceId!.Value), await VersionOfAsync(site, after.InstanceId!.Value) });
        await CompleteScreeningAsync(site, runner, before.InstanceId!.Value);
        await CompleteScreeningAsync(site, runner, after.InstanceId!.Value);
        Assert.DoesNotContain(ReferralChange.HealthTaskId, await OpenStepsAsync(site, before.InstanceId!.Value));
        Assert.Contains(ReferralChange.HealthTaskId, await OpenStepsAsync(site, after.InstanceId!.Value));
        var list = await admin.GetJsonAsync("/api/designer/definitions");
        var row = list.EnumerateArray().Single(d => d.GetProperty("key").GetString() == ReferralChange.ProcessKey);
        Assert.Equal((false, 2), (row.GetProperty("hasDraft").GetBoolean(), row.GetProperty("publishedVersion").GetInt32()));
    }

    private static async Task<int> VersionOfAsync(IntakeSite site, long instanceId)
    {
        await using var db = site.Database();
        return await db.ProcessInstances.Where(i => i.Id == instanceId).Select(i => i.DefinitionVersion!.Version).SingleAsync();
    }

    private static async Task CompleteScreeningAsync(IntakeSite site, WorkflowRunner runner, long instanceId)
    {
        long taskId;
        await using (var db = site.Database())
            taskId = await db.UserTasks.Where(t => t.InstanceId == instanceId && t.ElementId == "Task_RiskScreening").Select(t => t.Id).SingleAsync();
        var done = await runner.CompleteTaskAsync(taskId, new System.Text.Json.Nodes.JsonObject(), "social@demo.az", CancellationToken.None);
        Assert.True(done.IsOk, done.Message);
    }

    private static async Task<List<string>> OpenStepsAsync(IntakeSite site, long instanceId)
    {
        await using var db = site.Database();
        return await db.UserTasks.Where(t => t.InstanceId == instanceId && t.Status == UserTaskStatus.Open).Select(t => t.ElementId).ToListAsync();
    }
}
