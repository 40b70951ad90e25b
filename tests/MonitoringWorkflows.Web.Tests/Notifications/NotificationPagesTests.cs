using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Notifications;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Support;

namespace MonitoringWorkflows.Web.Tests.Notifications;

public sealed class NotificationPagesTests
{
    /// <summary>Two steps for the police in one case: two unread notifications for police@demo.az.</summary>
    private static async Task<NotificationSite> TwoAssignmentsAsync()
    {
        var site = new NotificationSite();
        await site.PublishAsync("TwoSteps", Bpmn.Process("TwoSteps", $"""
            <bpmn:startEvent id="Start" />
            <bpmn:parallelGateway id="Fork" />
            {Bpmn.UserTask("First")}
            {Bpmn.UserTask("Second")}
            {Bpmn.Flow("F1", "Start", "Fork")}
            {Bpmn.Flow("F2", "Fork", "First")}
            {Bpmn.Flow("F3", "Fork", "Second")}
            """));
        await site.StartCaseAsync("TwoSteps");
        Assert.Equal(2, await site.Delivery.DeliverAsync(CancellationToken.None));
        return site;
    }

    private static async Task<long[]> IdsOfAsync(NotificationSite site)
    {
        await using var db = site.Db();
        return await db.Set<NotificationRecord>().OrderBy(n => n.Id).Select(n => n.Id).ToArrayAsync();
    }

    [Fact]
    public async Task Bell_ShowsTheUnreadCountOfTheSignedInUserOnly()
    {
        await using var site = await TwoAssignmentsAsync();
        using var police = await site.SignedInAsync("police@demo.az");
        using var health = await site.SignedInAsync("health@demo.az");

        var policeHome = await police.GetPageAsync("/");
        var healthHome = await health.GetPageAsync("/");

        Assert.Equal("2", SiteClient.TestId(policeHome, "bell-count"));
        Assert.Contains("data-unread=\"0\"", healthHome);
        Assert.DoesNotContain("bell-count", healthHome);
    }

    [Fact]
    public async Task Bell_RemembersItsCountBriefly_ButANewNotificationForTheUserShowsAtOnce()
    {
        await using var site = new NotificationSite();
        using var police = await site.SignedInAsync("police@demo.az");
        var before = await police.GetPageAsync("/");
        await site.PublishAsync("OneStep", Bpmn.Sequence("OneStep", Bpmn.UserTask("Only")));
        await site.StartCaseAsync("OneStep");
        await site.Delivery.DeliverAsync(CancellationToken.None);

        var after = await police.GetPageAsync("/");

        Assert.Contains("data-unread=\"0\"", before);
        Assert.Equal("1", SiteClient.TestId(after, "bell-count"));
    }

    [Fact]
    public async Task UnreadCounts_AreCountedAgainOnceTheirLifetimeHasPassed()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var counts = new UnreadCounts(time);
        var asked = 0;
        Task<int> Count() => Task.FromResult(++asked);

        var first = await counts.GetAsync("user", Count);
        var remembered = await counts.GetAsync("user", Count);
        time.Advance(UnreadCounts.Lifetime);
        var recounted = await counts.GetAsync("user", Count);

        Assert.Equal((1, 1, 2), (first, remembered, recounted));
    }

    [Fact]
    public async Task Bell_WithMoreUnreadThanItCounts_Says99Plus()
    {
        await using var site = new NotificationSite();
        using var police = await site.SignedInAsync("police@demo.az");
        await using (var db = site.Db())
        {
            var recipient = db.Users.Single(u => u.Email == "police@demo.az").Id;
            db.Set<NotificationRecord>().AddRange(Enumerable.Range(0, 150).Select(i => new NotificationRecord
            {
                RecipientId = recipient, Subject = $"Notice {i}", Source = $"test:{i}", CreatedAt = site.Time.GetUtcNow(),
            }));
            await db.SaveChangesAsync();
        }

        var home = await police.GetPageAsync("/");

        Assert.Equal("99+", SiteClient.TestId(home, "bell-count"));
    }

    [Fact]
    public async Task Bell_ForAVisitorNotSignedIn_IsNotShown()
    {
        await using var site = await TwoAssignmentsAsync();
        using var visitor = new SiteClient(site.AnonymousClient());

        var signIn = await visitor.GetPageAsync("/identity/sign-in");

        Assert.DoesNotContain("data-testid=\"bell\"", signIn);
    }

    [Fact]
    public async Task Page_ListsNewestFirstAndMarksOneAndThenAllRead()
    {
        await using var site = await TwoAssignmentsAsync();
        using var police = await site.SignedInAsync("police@demo.az");
        var ids = await IdsOfAsync(site);

        var page = await police.GetPageAsync("/notifications");
        Assert.True(page.IndexOf($"data-id=\"{ids[1]}\"") < page.IndexOf($"data-id=\"{ids[0]}\""), "newest first");
        Assert.Equal(2, CountOf(page, "class=\"unread\""));

        var read = await police.PostFormAsync("/notifications", new Dictionary<string, string> { ["id"] = ids[0].ToString() },
            "/notifications?handler=Read");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Equal("1", SiteClient.TestId(await police.GetPageAsync("/"), "bell-count"));

        var all = await police.PostFormAsync("/notifications", new Dictionary<string, string>(), "/notifications?handler=ReadAll");
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        var after = await police.GetPageAsync("/notifications");
        Assert.Equal(0, CountOf(after, "class=\"unread\""));
        Assert.Equal(2, CountOf(after, "class=\"read\""));
    }

    [Fact]
    public async Task Page_ForTheChair_ShowsAnEscalationWithTheHoldingAgencyByName()
    {
        await using var site = await TwoAssignmentsAsync();
        site.Time.Advance(TimeSpan.FromDays(60));
        await using (var db = site.Db())
        {
            // The steps of this process have no due date: give one a deadline already passed, as a due date would.
            var step = await db.UserTasks.OrderBy(t => t.Id).FirstAsync();
            db.Set<StepDeadlineRecord>().Add(new StepDeadlineRecord { UserTaskId = step.Id, DueAt = site.Time.GetUtcNow().AddHours(-1) });
            step.DueAt = site.Time.GetUtcNow().AddHours(-1);
            await db.SaveChangesAsync();
        }
        await site.Sweep.SweepAsync(CancellationToken.None);
        using var chair = await site.SignedInAsync("chair@demo.az");

        var page = await chair.GetPageAsync("/notifications");

        Assert.Contains("data-kind=\"Escalation\"", page);
        Assert.Contains("Polis şöbəsi", page);
    }

    [Fact]
    public async Task Page_WithoutNotifications_ShowsTheEmptyState()
    {
        await using var site = await TwoAssignmentsAsync();
        using var health = await site.SignedInAsync("health@demo.az");

        var page = await health.GetPageAsync("/notifications");

        Assert.Contains("data-testid=\"empty\"", page);
    }

    [Fact]
    public async Task Page_MarkingAnotherUsersNotificationRead_AnswersNotFoundAndLeavesItUnread()
    {
        await using var site = await TwoAssignmentsAsync();
        using var health = await site.SignedInAsync("health@demo.az");
        var ids = await IdsOfAsync(site);

        var response = await health.PostFormAsync("/notifications", new Dictionary<string, string> { ["id"] = ids[0].ToString() },
            "/notifications?handler=Read");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = site.Db();
        Assert.Null((await db.Set<NotificationRecord>().SingleAsync(n => n.Id == ids[0])).ReadAt);
    }

    [Fact]
    public async Task Api_ListsUnreadMarksReadAndHidesOtherUsersNotifications()
    {
        await using var site = await TwoAssignmentsAsync();
        using var police = await site.SignedInAsync("police@demo.az");
        using var health = await site.SignedInAsync("health@demo.az");
        var ids = await IdsOfAsync(site);

        var unread = await police.Http.GetFromJsonAsync<JsonElement>("/api/notifications?unread=true");
        Assert.Equal(2, unread.GetArrayLength());
        Assert.Equal("Assignment", unread[0].GetProperty("kind").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(health, $"/api/notifications/{ids[0]}/read")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(police, "/api/notifications/999999/read")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(police, $"/api/notifications/{ids[0]}/read")).StatusCode);
        Assert.Equal(1, (await police.Http.GetFromJsonAsync<JsonElement>("/api/notifications?unread=true")).GetArrayLength());

        var all = await PostAsync(police, "/api/notifications/read-all");
        Assert.Equal(1, (await all.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());
        Assert.Equal(0, (await police.Http.GetFromJsonAsync<JsonElement>("/api/notifications?unread=true")).GetArrayLength());
        Assert.Equal(2, (await police.Http.GetFromJsonAsync<JsonElement>("/api/notifications")).GetArrayLength());
        Assert.Equal(0, (await health.Http.GetFromJsonAsync<JsonElement>("/api/notifications")).GetArrayLength());
    }

    [Fact]
    public async Task Api_PostWithoutAntiforgeryToken_IsRefused()
    {
        await using var site = await TwoAssignmentsAsync();
        using var police = await site.SignedInAsync("police@demo.az");

        var response = await police.Http.PostAsync("/api/notifications/read-all", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(2, (await police.Http.GetFromJsonAsync<JsonElement>("/api/notifications?unread=true")).GetArrayLength());
    }

    private static async Task<HttpResponseMessage> PostAsync(SiteClient client, string path)
    {
        var token = (await client.Http.GetFromJsonAsync<JsonElement>("/api/antiforgery")).GetProperty("token").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("X-CSRF-TOKEN", token);
        return await client.Http.SendAsync(request);
    }

    private static int CountOf(string html, string fragment) =>
        (html.Length - html.Replace(fragment, "").Length) / fragment.Length;
}
