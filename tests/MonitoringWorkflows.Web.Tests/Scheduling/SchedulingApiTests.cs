using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Api;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Scheduling;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Scheduling.Support;
using Quartz;
using static MonitoringWorkflows.Web.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Web.Tests.Scheduling;

/// <summary>The operations API on the whole host: who sees an instance's timers, and an administrator moving one.</summary>
public sealed class SchedulingApiTests
{
    private const string CaseNumber = "DEMO-2026-9001";

    private static readonly string Wait = Sequence("wait",
        """<bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""");

    [Fact]
    public async Task Timers_OfACaseInTheChairsDistrict_AreListedForTheChair_HiddenFromOtherDistricts_AndClosedToOtherRoles()
    {
        await using var site = new SiteHost();
        var onCase = await StartOnCaseAsync(site, CaseNumber);
        var withoutCase = await StartOnCaseAsync(site, "NO-CASE-1", recordCase: false);
        using var chair = await site.SignedInAsync("chair@demo.az");
        using var police = await site.SignedInAsync("police@demo.az");
        using var admin = await site.SignedInAsync("admin@demo.az");

        var listed = await chair.Http.GetFromJsonAsync<List<TimerView>>($"/api/instances/{onCase}/timers");
        var timer = Assert.Single(listed!);
        Assert.Equal(("Wait", "Pending", onCase), (timer.ElementId, timer.Status, timer.InstanceId));
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/api/instances/{onCase}/timers")).StatusCode);
        var hidden = await chair.GetAsync($"/api/instances/{withoutCase}/timers");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("application/problem+json", hidden.Content.Headers.ContentType?.MediaType);
        Assert.Single((await admin.Http.GetFromJsonAsync<List<TimerView>>($"/api/instances/{withoutCase}/timers"))!);
    }

    [Fact]
    public async Task Reschedule_ByAnAdministrator_MovesTheTriggerWritesTheJournalAndFiresAtTheNewTime()
    {
        await using var site = new SiteHost();
        var id = await StartOnCaseAsync(site, CaseNumber);
        long timerId;
        await using (var db = Db(site)) timerId = (await db.Timers.SingleAsync(t => t.InstanceId == id)).Id;
        using var admin = await site.SignedInAsync("admin@demo.az");
        using var chair = await site.SignedInAsync("chair@demo.az");

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(chair, $"/api/timers/{timerId}/reschedule", new { dueAt = DateTimeOffset.UtcNow })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(admin, $"/api/timers/{timerId}/reschedule", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(admin, "/api/timers/999999/reschedule", new { dueAt = DateTimeOffset.UtcNow })).StatusCode);

        var dueAt = DateTimeOffset.UtcNow.AddSeconds(1);
        var moved = await PostAsync(admin, $"/api/timers/{timerId}/reschedule", new { dueAt });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await using (var db = Db(site))
        {
            var entry = await db.JournalEntries.SingleAsync(j => j.InstanceId == id && j.Kind == JournalKind.TimerRescheduled);
            Assert.Equal(("Wait", "admin@demo.az"), (entry.ElementId, entry.Actor));
        }
        await ClockHost.EventuallyAsync(async () =>
        {
            await using var db = Db(site);
            return (await db.ProcessInstances.SingleAsync(i => i.Id == id)).Status == ProcessInstanceStatus.Completed;
        }, TimeSpan.FromSeconds(10), "the moved timer to fire");
        await using (var db = Db(site))
        {
            var fired = await db.Timers.SingleAsync(t => t.Id == timerId);
            Assert.Equal(dueAt.UtcTicks / TimeSpan.TicksPerMillisecond, fired.DueAt.UtcTicks / TimeSpan.TicksPerMillisecond);
            Assert.True(fired.FiredAt < dueAt.AddHours(1), "it fired at the new time, not the old one");
        }
        var again = await PostAsync(admin, $"/api/timers/{timerId}/reschedule", new { dueAt });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Reschedule_MovesTheQuartzTrigger()
    {
        await using var site = new SiteHost();
        var id = await StartOnCaseAsync(site, CaseNumber);
        long timerId;
        await using (var db = Db(site)) timerId = (await db.Timers.SingleAsync(t => t.InstanceId == id)).Id;
        using var admin = await site.SignedInAsync("admin@demo.az");
        var dueAt = new DateTimeOffset(DateTimeOffset.UtcNow.AddDays(3).Date, TimeSpan.Zero);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, $"/api/timers/{timerId}/reschedule", new { dueAt })).StatusCode);

        var scheduler = await site.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(QuartzClock.KeyOf(timerId));
        Assert.Equal(dueAt, trigger!.StartTimeUtc);
    }

    private static WorkflowDbContext Db(SiteHost site) =>
        site.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();

    private static async Task<HttpResponseMessage> PostAsync(SiteClient client, string path, object body)
    {
        var token = await client.Http.GetFromJsonAsync<AntiforgeryToken>("/api/antiforgery");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(token!.HeaderName, token.Token);
        return await client.Http.SendAsync(request);
    }

    /// <summary>A published one-hour wait started for a case recorded in the demo district (or for a key with no case).</summary>
    private static async Task<long> StartOnCaseAsync(SiteHost site, string caseNumber, bool recordCase = true)
    {
        await using (var db = Db(site))
        {
            if (!await db.ProcessDefinitions.AnyAsync(d => d.Key == "wait"))
            {
                var now = DateTimeOffset.UtcNow;
                db.ProcessDefinitions.Add(new ProcessDefinitionRecord
                {
                    Key = "wait", Version = 1, Status = DefinitionStatus.Published, Name = "wait", BpmnXml = Wait,
                    CreatedBy = "test", CreatedAt = now, PublishedBy = "test", PublishedAt = now,
                });
            }
            if (recordCase)
            {
                var district = await db.Districts.SingleAsync(d => d.Code == OrganisationSeeder.DemoDistrictCode);
                db.Cases.Add(new CaseRecord
                {
                    Number = caseNumber, DistrictId = district.Id, Year = 2026, Sequence = 9001, CreatedBy = "test",
                    CreatedAt = DateTimeOffset.UtcNow, ReportJson = "{}",
                });
            }
            await db.SaveChangesAsync();
        }
        site.Services.GetRequiredService<PublishedVersions>().Invalidate("wait");
        var result = await site.Services.GetRequiredService<WorkflowRunner>().StartAsync("wait", caseNumber, null, "registrar", CancellationToken.None);
        Assert.True(result.IsOk, result.Message);
        return result.InstanceId!.Value;
    }
}
