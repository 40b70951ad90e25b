using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using static MonitoringWorkflows.Web.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Web.Tests.Scheduling;

/// <summary>The pending timers panel on the case page and the instance timers page, where an administrator moves a timer.</summary>
public sealed class TimerPanelTests
{
    private const string CaseNumber = "DEMO-2026-9101";

    private static readonly string Wait = Sequence("wait",
        """<bpmn:intermediateCatchEvent id="Wait" name="Cooling-off wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""");

    [Fact]
    public async Task CasePage_ShowsTheChairThePendingTimers_InBakuTime_WithTheOverdueMark_AndNoForm()
    {
        await using var site = new SiteHost();
        var id = await StartOnCaseAsync(site);
        DateTimeOffset due;
        await using (var db = Db(site))
        {
            // Past its time and not fired: what the overdue mark is for.
            due = DateTimeOffset.UtcNow.AddMinutes(-10);
            await db.Timers.Where(t => t.InstanceId == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, due));
        }
        using var chair = await site.SignedInAsync("chair@demo.az");

        var html = await chair.GetPageAsync($"/cases/{CaseNumber}");

        Assert.Contains("data-testid=\"timers\"", html);
        Assert.Contains("Cooling-off wait", html);
        Assert.Contains("Gözləmə", html); // the kind, in Azerbaijani by default
        Assert.Equal(due.ToOffset(TimeSpan.FromHours(4)).ToString("g", System.Globalization.CultureInfo.GetCultureInfo("az-Latn-AZ")),
            SiteClient.TestId(html, "timer-due"));
        Assert.Contains("data-testid=\"timer-overdue\"", html);
        Assert.DoesNotContain("data-testid=\"reschedule\"", html);
    }

    [Fact]
    public async Task InstancePage_IsForAdministratorsAndTheCasesChair_HiddenFromOtherDistricts_ClosedToOthers()
    {
        await using var site = new SiteHost();
        var id = await StartOnCaseAsync(site);
        await site.CreateUserAsync("chair@other.az", Roles.Chair);
        await using (var db = Db(site))
        {
            var other = new District { Code = "OTHER", Name = "Other district" };
            db.Districts.Add(other);
            await db.SaveChangesAsync();
            // Exempt from the chair's second factor, as the demo logins are.
            await db.Users.Where(u => u.Email == "chair@other.az")
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.DistrictId, other.Id).SetProperty(u => u.IsDemo, true));
        }
        using var admin = await site.SignedInAsync("admin@demo.az");
        using var chair = await site.SignedInAsync("chair@demo.az");
        using var police = await site.SignedInAsync("police@demo.az");
        using var otherChair = await site.SignedInAsync("chair@other.az", SiteHost.StrongPassword);

        Assert.Contains("data-testid=\"reschedule\"", await admin.GetPageAsync($"/instances/{id}/timers"));
        var forChair = await chair.GetPageAsync($"/instances/{id}/timers");
        Assert.Contains("Cooling-off wait", forChair);
        Assert.DoesNotContain("data-testid=\"reschedule\"", forChair);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/instances/{id}/timers")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherChair.GetAsync($"/instances/{id}/timers")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/instances/999999/timers")).StatusCode);
    }

    [Fact]
    public async Task Reschedule_BadValuesAreRefusedWithAClearMessage_AGoodOneMovesTheTimerAndJournalsTheReason()
    {
        await using var site = new SiteHost();
        var id = await StartOnCaseAsync(site);
        long timerId;
        await using (var db = Db(site)) timerId = (await db.Timers.SingleAsync(t => t.InstanceId == id)).Id;
        using var admin = await site.SignedInAsync("admin@demo.az");
        using var chair = await site.SignedInAsync("chair@demo.az");
        var page = $"/instances/{id}/timers";
        var action = $"{page}?handler=Reschedule";
        Task<HttpResponseMessage> Post(SiteClient client, string dueAt, string reason) => client.PostFormAsync(page,
            new Dictionary<string, string> { ["timerId"] = timerId.ToString(), ["dueAt"] = dueAt, ["reason"] = reason }, action);
        var baku = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(4));

        var garbled = await Post(admin, "next tuesday", "court hearing moved");
        var past = await Post(admin, baku.AddDays(-2).ToString("yyyy-MM-dd'T'HH:mm"), "court hearing moved");
        var noReason = await Post(admin, baku.AddDays(2).ToString("yyyy-MM-dd'T'HH:mm"), " ");
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(chair, baku.AddDays(2).ToString("yyyy-MM-dd'T'HH:mm"), "x")).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Contains("\"next tuesday\" tarix və vaxt kimi oxunmur", SiteClient.TestId(await SiteClient.HtmlAsync(garbled), "reschedule-error"));
        Assert.Contains("keçmişdədir", SiteClient.TestId(await SiteClient.HtmlAsync(past), "reschedule-error"));
        Assert.Contains("niyə dəyişdirildiyini", SiteClient.TestId(await SiteClient.HtmlAsync(noReason), "reschedule-error"));
        await using (var db = Db(site)) Assert.False(await db.JournalEntries.AnyAsync(j => j.Kind == JournalKind.TimerRescheduled));

        var target = new DateTimeOffset(baku.AddDays(2).Year, baku.AddDays(2).Month, baku.AddDays(2).Day, 9, 30, 0, TimeSpan.FromHours(4));
        var moved = await Post(admin, target.ToString("yyyy-MM-dd'T'HH:mm"), "court hearing moved");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Contains($"moved={timerId}", moved.Headers.Location!.OriginalString);
        await using var check = Db(site);
        Assert.Equal(target, (await check.Timers.SingleAsync(t => t.Id == timerId)).DueAt);
        var entry = await check.JournalEntries.SingleAsync(j => j.InstanceId == id && j.Kind == JournalKind.TimerRescheduled);
        Assert.Equal("admin@demo.az", entry.Actor);
        Assert.Contains("Reason: court hearing moved", entry.Detail);
    }

    [Fact]
    public async Task CasePanel_FindsTheTimersThroughTheCasesInstances_NotThroughEveryPendingTimer()
    {
        await using var site = new SiteHost();
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var timers = scope.ServiceProvider.GetRequiredService<MonitoringWorkflows.Web.Scheduling.InstanceTimers>();

        var plan = await MonitoringWorkflows.Web.Tests.Support.QueryPlan.OfAsync(db, timers.OfCase(CaseNumber));

        Assert.Contains("IX_Timers_InstanceId_TimerId", plan);
        Assert.DoesNotContain("IX_Timers_Status_DueAt", plan);
        Assert.DoesNotContain("SCAN", plan);
    }

    private static WorkflowDbContext Db(SiteHost site) =>
        site.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();

    /// <summary>A published one-hour wait started on a case of the demo district.</summary>
    private static async Task<long> StartOnCaseAsync(SiteHost site)
    {
        await using (var db = Db(site))
        {
            var now = DateTimeOffset.UtcNow;
            db.ProcessDefinitions.Add(new ProcessDefinitionRecord
            {
                Key = "wait", Version = 1, Status = DefinitionStatus.Published, Name = "wait", BpmnXml = Wait,
                CreatedBy = "test", CreatedAt = now, PublishedBy = "test", PublishedAt = now,
            });
            var district = await db.Districts.SingleAsync(d => d.Code == OrganisationSeeder.DemoDistrictCode);
            db.Cases.Add(new CaseRecord
            {
                Number = CaseNumber, DistrictId = district.Id, Year = 2026, Sequence = 9101, CreatedBy = "registrar@demo.az",
                CreatedAt = now, ReportJson = "{}",
            });
            await db.SaveChangesAsync();
        }
        site.Services.GetRequiredService<PublishedVersions>().Invalidate("wait");
        var result = await site.Services.GetRequiredService<WorkflowRunner>().StartAsync("wait", CaseNumber, null, "registrar", CancellationToken.None);
        Assert.True(result.IsOk, result.Message);
        await using (var db = Db(site))
            await db.Cases.Where(c => c.Number == CaseNumber).ExecuteUpdateAsync(s => s.SetProperty(c => c.ProcessInstanceId, result.InstanceId));
        return result.InstanceId!.Value;
    }
}
