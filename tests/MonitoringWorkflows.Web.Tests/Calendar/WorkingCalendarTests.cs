using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Engine.Time;
using MonitoringWorkflows.Web.Calendar;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using static MonitoringWorkflows.Web.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Web.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static DateOnly Today => DateOnly.FromDateTime(AzerbaijanTime.Of(DateTimeOffset.UtcNow).DateTime);

    private static async Task<IReadOnlyList<DateOnly>> DaysOffAsync(SiteHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().DaysOff.Select(d => d.Date).OrderBy(d => d).ToListAsync();
    }

    private static Task<HttpResponseMessage> AddAsync(SiteClient admin, DateOnly date, string name) =>
        admin.PostFormAsync("/calendar", new Dictionary<string, string>
        {
            ["Input.Date"] = date.ToString("yyyy-MM-dd"), ["Input.Name"] = name,
        }, "/calendar?handler=Add");

    [Fact]
    public async Task FirstStart_SeedsTheFixedDatePublicHolidaysOfThisYearAndTheNext()
    {
        await using var host = new SiteHost();

        var daysOff = await DaysOffAsync(host);

        var year = Today.Year;
        Assert.Contains(new DateOnly(year, 5, 28), daysOff);
        Assert.Contains(new DateOnly(year + 1, 11, 8), daysOff);
        Assert.Equal(20, daysOff.Count);
        Assert.False(host.Services.GetRequiredService<NationalCalendar>().IsWorkingDay(new DateOnly(year, 1, 2)));
    }

    [Fact]
    public async Task Administrator_AddsAndRemovesADayOff_AndTheCalendarFollowsAtOnce()
    {
        await using var host = new SiteHost();
        using var admin = await host.SignedInAsync("admin@demo.az");
        var calendar = host.Services.GetRequiredService<NationalCalendar>();
        var day = Enumerable.Range(20, 5).Select(d => new DateOnly(Today.Year + 1, 3, d))
            .First(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

        var added = await AddAsync(admin, day, "Novruz bayramı");
        var afterAdding = calendar.IsWorkingDay(day);
        var page = await admin.GetPageAsync($"/calendar?year={day.Year}");
        var removed = await admin.PostFormAsync($"/calendar?year={day.Year}",
            new Dictionary<string, string> { ["date"] = day.ToString("yyyy-MM-dd") }, "/calendar?handler=Remove");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.False(afterAdding);
        Assert.Contains("Novruz bayramı", page);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.True(calendar.IsWorkingDay(day));
        Assert.DoesNotContain(day, await DaysOffAsync(host));
    }

    [Fact]
    public async Task AddingADayOffTwice_IsAFieldErrorAndTheFormKeepsWhatWasTyped()
    {
        await using var host = new SiteHost();
        using var admin = await host.SignedInAsync("admin@demo.az");
        var seeded = new DateOnly(Today.Year, 5, 28);

        var response = await AddAsync(admin, seeded, "Typed again");
        var html = await SiteClient.HtmlAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bu tarix artıq istirahət günüdür.", html);
        Assert.Contains("value=\"Typed again\"", html);
    }

    [Theory]
    [InlineData("chair@demo.az")]
    [InlineData("police@demo.az")]
    public async Task OnlyAdministrators_OpenTheCalendar(string email)
    {
        await using var host = new SiteHost();
        using var user = await host.SignedInAsync(email);

        var response = await user.GetAsync("/calendar");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ADueDateInWorkingDays_SkipsTheDaysOffTheAdministratorEntered()
    {
        await using var host = new SiteHost();
        using var admin = await host.SignedInAsync("admin@demo.az");
        var calendar = host.Services.GetRequiredService<NationalCalendar>();
        var nextWorkingDay = Enumerable.Range(1, 30).Select(Today.AddDays).First(calendar.IsWorkingDay);
        await AddAsync(admin, nextWorkingDay, "Transferred day off");
        await PublishAsync(host, "deadline", Sequence("deadline", """<bpmn:userTask id="Step" mw:agency="Police" mw:dueIn="P1WD" />"""));

        var started = await host.Services.GetRequiredService<WorkflowRunner>()
            .StartAsync("deadline", "CASE-1", null, "test", CancellationToken.None);

        Assert.True(started.IsOk, started.Message);
        await using var scope = host.Services.CreateAsyncScope();
        var task = await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().UserTasks.SingleAsync();
        var daysOff = await DaysOffAsync(host);
        Assert.Equal(WorkingCalendar.WithDaysOff(AzerbaijanTime.Offset, daysOff).AddWorkingDays(task.CreatedAt, 1), task.DueAt);
        Assert.NotEqual(WorkingCalendar.WithDaysOff(AzerbaijanTime.Offset, daysOff.Where(d => d != nextWorkingDay)).AddWorkingDays(task.CreatedAt, 1), task.DueAt);
    }

    private static async Task PublishAsync(SiteHost host, string key, string xml)
    {
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            db.ProcessDefinitions.Add(new ProcessDefinitionRecord
            {
                Key = key, Version = 1, Status = DefinitionStatus.Published, Name = key, BpmnXml = xml,
                CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow, PublishedBy = "test", PublishedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        host.Services.GetRequiredService<PublishedVersions>().Invalidate(key);
    }
}
