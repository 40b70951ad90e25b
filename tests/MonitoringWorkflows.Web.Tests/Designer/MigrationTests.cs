using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Designer.Migration;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Designer.Support;
using static MonitoringWorkflows.Web.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Web.Tests.Designer;

public sealed class MigrationTests : IAsyncLifetime
{
    private const string Key = "migrationDemo";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Version 1: A, B, then a one-day timer.</summary>
    private static readonly string V1 = Process(Key, $"""
        <bpmn:startEvent id="Start" />
        {UserTask("A")}
        {UserTask("B")}
        <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="End" />
        {Flow("F1", "Start", "A")}{Flow("F2", "A", "B")}{Flow("F3", "B", "Wait")}{Flow("F4", "Wait", "End")}
        """);

    /// <summary>Version 2: A kept; B replaced by C; the timer became a message of the same id.</summary>
    private static readonly string V2 = Process(Key, $"""
        <bpmn:startEvent id="Start" />
        {UserTask("A")}
        {UserTask("C", "Health")}
        <bpmn:intermediateCatchEvent id="Wait"><bpmn:messageEventDefinition messageRef="Msg" /></bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="End" />
        {Flow("F1", "Start", "A")}{Flow("F2", "A", "C")}{Flow("F3", "C", "Wait")}{Flow("F4", "Wait", "End")}
        """, """<bpmn:message id="Msg" name="decided" />""");

    private readonly DesignerSite site = new();
    private WorkflowRunner runner = null!;

    public async Task InitializeAsync()
    {
        runner = site.Get<WorkflowRunner>();
        await site.PublishAsync(Key, V1);
    }

    [Fact]
    public async Task Preview_MarksTheUnmappableInstances_AndMigrateMovesOnlyTheMappableOne_WhichThenEndsOnTheNewVersion()
    {
        var onA = await StartAsync();
        var onB = await StartAsync();
        await CompleteAsync(onB, "A");
        var onTimer = await StartAsync();
        await CompleteAsync(onTimer, "A");
        await CompleteAsync(onTimer, "B");
        await site.PublishAsync(Key, V2);
        using var admin = await site.AdminAsync();

        var preview = await admin.Site.Http.GetFromJsonAsync<MigrationPreview>($"/api/designer/processes/{Key}/migration?from=1", Json);
        var response = await admin.PostAsync($"/api/designer/processes/{Key}/migrate",
            $$"""{ "fromVersion": 1, "toVersion": 2, "instanceIds": [{{onA}}, {{onB}}, {{onTimer}}] }""");
        var result = await response.Content.ReadFromJsonAsync<MigrationResult>(Json);

        Assert.Equal(2, preview!.ToVersion);
        Assert.Equal([onA, onB, onTimer], preview.Instances.Select(i => i.InstanceId));
        Assert.True(preview.Instances[0].CanMigrate);
        Assert.Equal(("missing", "B"), preview.Instances[1].Problems.Select(p => (p.Code, p.ElementId)).Single());
        Assert.Contains(preview.Instances[2].Problems, p => p is { Code: "eventChanged", ElementId: "Wait" });
        Assert.Contains(preview.Instances[1].Active, a => a is { ElementId: "B", Kind: "userTask" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([onA], result!.Migrated);
        Assert.Equal([(onB, "unmappable"), (onTimer, "unmappable")], result.Refused.Select(r => (r.InstanceId, r.Reason)));

        await using (var db = site.Database())
        {
            var migrated = await db.ProcessInstances.Include(i => i.DefinitionVersion).SingleAsync(i => i.Id == onA);
            Assert.Equal(2, migrated.DefinitionVersion!.Version);
            Assert.Equal(1, (await db.ProcessInstances.Include(i => i.DefinitionVersion).SingleAsync(i => i.Id == onB)).DefinitionVersion!.Version);
            var entry = await db.JournalEntries.SingleAsync(j => j.Kind == JournalKind.InstanceMigrated);
            Assert.Equal((onA, DesignerSite.Admin), (entry.InstanceId, entry.Actor));
            Assert.Contains("\"fromVersion\":1", entry.DataJson);
        }
        await CompleteAsync(onA, "A");
        await CompleteAsync(onA, "C");
        Assert.True((await runner.CorrelateMessageAsync(onA, "decided", null, "test", CancellationToken.None)).IsOk);
        await using (var db = site.Database())
        {
            Assert.Equal(ProcessInstanceStatus.Completed, (await db.ProcessInstances.SingleAsync(i => i.Id == onA)).Status);
            Assert.Equal("Health", (await db.UserTasks.SingleAsync(t => t.InstanceId == onA && t.ElementId == "C")).Agency);
        }
    }

    [Fact]
    public async Task Migrate_AfterAStepMovedTheInstanceSinceItWasChecked_IsRefusedAndLeavesTheStepIntact()
    {
        var instance = await StartAsync();
        var v2 = await site.PublishAsync(Key, V2);
        var migration = site.Get<InstanceMigration>();
        ProcessInstanceRecord checkedRow;
        ProcessDefinitionRecord from, to;
        await using (var db = site.Database())
        {
            checkedRow = await db.ProcessInstances.AsNoTracking().SingleAsync(i => i.Id == instance);
            from = await db.ProcessDefinitions.AsNoTracking().SingleAsync(d => d.Key == Key && d.Version == 1);
            to = await db.ProcessDefinitions.AsNoTracking().SingleAsync(d => d.Key == Key && d.Version == v2);
        }
        var check = InstanceMigration.Candidate(checkedRow,
            MonitoringWorkflows.Web.Runtime.DefinitionCache.Parse(Key, V1), MonitoringWorkflows.Web.Runtime.DefinitionCache.Parse(Key, V2));
        Assert.True(check.CanMigrate);

        await CompleteAsync(instance, "A");
        var refusal = await migration.MoveAsync(checkedRow, check, from, to, "admin", CancellationToken.None);

        Assert.Equal("concurrentStep", refusal?.Reason);
        await using var after = site.Database();
        var row = await after.ProcessInstances.SingleAsync(i => i.Id == instance);
        Assert.Equal(from.Id, row.DefinitionVersionId);
        Assert.Contains("\"B\"", row.StateJson);
        Assert.False(await after.JournalEntries.AnyAsync(j => j.Kind == JournalKind.InstanceMigrated));
    }

    [Fact]
    public async Task StepsAndMigrationsRacing_EachInstanceEndsUpConsistentAndFinishes()
    {
        var instances = new List<long>();
        for (var i = 0; i < 8; i++) instances.Add(await StartAsync());
        await site.PublishAsync(Key, V2.Replace("id=\"C\"", "id=\"B\"").Replace("\"A\" targetRef=\"C\"", "\"A\" targetRef=\"B\"")
            .Replace("sourceRef=\"C\"", "sourceRef=\"B\""));
        using var admin = await site.AdminAsync();
        var tasks = await OpenTaskIdsAsync(instances);

        var steps = tasks.Select(t => runner.CompleteTaskAsync(t, null, "racer", CancellationToken.None)).ToList();
        var migrate = admin.PostAsync($"/api/designer/processes/{Key}/migrate",
            $$"""{ "fromVersion": 1, "toVersion": 2, "instanceIds": [{{string.Join(", ", instances)}}] }""");
        await Task.WhenAll(steps);
        var result = await (await migrate).Content.ReadFromJsonAsync<MigrationResult>(Json);

        Assert.All(steps, s => Assert.True(s.Result.Outcome is RunOutcome.Ok or RunOutcome.Conflict, s.Result.Message));
        Assert.Equal(instances.Count, result!.Migrated.Count + result.Refused.Count);
        Assert.All(result.Refused, r => Assert.Equal("concurrentStep", r.Reason));
        await using var db = site.Database();
        foreach (var id in instances)
        {
            var row = await db.ProcessInstances.Include(i => i.DefinitionVersion).SingleAsync(i => i.Id == id);
            var journaled = await db.JournalEntries.CountAsync(j => j.InstanceId == id && j.Kind == JournalKind.InstanceMigrated);
            Assert.Equal(result.Migrated.Contains(id) ? (2, 1) : (1, 0), (row.DefinitionVersion!.Version, journaled));
            // Whatever won, the instance is in one piece: it walks on to its end on the version it is on.
            while (await db.UserTasks.AsNoTracking().Where(t => t.InstanceId == id && t.Status == UserTaskStatus.Open).Select(t => (long?)t.Id).FirstOrDefaultAsync() is { } open)
                Assert.True((await runner.CompleteTaskAsync(open, null, "test", CancellationToken.None)).IsOk);
            var end = row.DefinitionVersion.Version == 2
                ? await runner.CorrelateMessageAsync(id, "decided", null, "test", CancellationToken.None)
                : await runner.FireTimerAsync(await db.Timers.Where(t => t.InstanceId == id).Select(t => t.Id).SingleAsync(), CancellationToken.None);
            Assert.True(end.IsOk, end.Message);
            Assert.Equal(ProcessInstanceStatus.Completed, (await db.ProcessInstances.AsNoTracking().SingleAsync(i => i.Id == id)).Status);
        }
    }

    [Fact]
    public async Task Migrate_ToAVersionThatIsNotTheNewest_IsAConflict()
    {
        var instance = await StartAsync();
        await site.PublishAsync(Key, V2);
        await site.PublishAsync(Key, V2);
        using var admin = await site.AdminAsync();

        var response = await admin.PostAsync($"/api/designer/processes/{Key}/migrate", $$"""{ "fromVersion": 1, "toVersion": 2, "instanceIds": [{{instance}}] }""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task MigratedCase_ShowsTheMoveOnItsTimeline()
    {
        int district;
        await using (var db = site.Database()) district = (await db.Districts.SingleAsync(d => d.Code == "DEMO")).Id;
        await using var scope = site.Services.CreateAsyncScope();
        var report = new ReportInput
        {
            Channel = "phone", PerpetratorRelation = "partner", IncidentDate = "2026-11-20", IncidentPlace = "Home",
            Narrative = "Migration case", Victims = [new VictimInput { Age = "30", Sex = "female" }], ViolenceTypes = ["physical"],
        };
        var recorded = await scope.ServiceProvider.GetRequiredService<CaseIntake>().RecordAsync(report, district, "registrar@demo.az", CancellationToken.None);
        string referral;
        await using (var db = site.Database())
            referral = (await db.ProcessDefinitions.SingleAsync(d => d.Key == "violenceReportReferral" && d.Version == 1)).BpmnXml;
        await site.PublishAsync("violenceReportReferral", referral.Replace("name=\"Risk screening\"", "name=\"Risk screening (v2)\""));
        using var admin = await site.AdminAsync();
        long instance;
        await using (var db = site.Database()) instance = (await db.Cases.SingleAsync(c => c.Number == recorded.CaseNumber)).ProcessInstanceId!.Value;

        var migrated = await admin.PostAsync("/api/designer/processes/violenceReportReferral/migrate",
            $$"""{ "fromVersion": 1, "toVersion": 2, "instanceIds": [{{instance}}] }""");
        using var chair = await site.SignedInAsync("chair@demo.az");
        var page = await chair.Site.GetPageAsync($"/cases/{recorded.CaseNumber}");

        Assert.Equal([instance], (await migrated.Content.ReadFromJsonAsync<MigrationResult>(Json))!.Migrated);
        Assert.Contains("data-kind=\"InstanceMigrated\"", page);
    }

    [Fact]
    public async Task MigratePage_PreviewsAndMigratesTheChosenInstances()
    {
        var onA = await StartAsync();
        var onB = await StartAsync();
        await CompleteAsync(onB, "A");
        await site.PublishAsync(Key, V2);
        using var admin = await site.AdminAsync();
        var page = $"/designer/processes/{Key}/migrate?from=1";

        var preview = await admin.Site.GetPageAsync(page);
        var posted = await admin.Site.PostFormAsync(page, new Dictionary<string, string>
        {
            ["from"] = "1", ["to"] = "2", ["instanceIds"] = onA.ToString(),
        });
        var html = await Identity.Support.SiteClient.HtmlAsync(posted);

        Assert.Contains($"data-instance=\"{onA}\" data-can-migrate=\"true\"", preview);
        Assert.Contains($"data-instance=\"{onB}\" data-can-migrate=\"false\"", preview);
        Assert.Contains("'B'", preview);
        Assert.Equal(System.Net.HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("data-testid=\"migrated-count\"", html);
        await using var db = site.Database();
        Assert.Equal(2, (await db.ProcessInstances.Include(i => i.DefinitionVersion).SingleAsync(i => i.Id == onA)).DefinitionVersion!.Version);
    }

    private async Task<long> StartAsync()
    {
        var started = await runner.StartAsync(Key, null, null, "test", CancellationToken.None);
        Assert.True(started.IsOk, started.Message);
        return started.InstanceId!.Value;
    }

    private async Task CompleteAsync(long instance, string element)
    {
        await using var db = site.Database();
        var task = await db.UserTasks.SingleAsync(t => t.InstanceId == instance && t.ElementId == element && t.Status == UserTaskStatus.Open);
        var result = await runner.CompleteTaskAsync(task.Id, null, "test", CancellationToken.None);
        Assert.True(result.IsOk, result.Message);
    }

    private async Task<List<long>> OpenTaskIdsAsync(List<long> instances)
    {
        await using var db = site.Database();
        return await db.UserTasks.Where(t => instances.Contains(t.InstanceId) && t.Status == UserTaskStatus.Open).Select(t => t.Id).ToListAsync();
    }

    public async Task DisposeAsync() => await site.DisposeAsync();
}
