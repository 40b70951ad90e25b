using System.Net;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Meetings.Support;

namespace MonitoringWorkflows.Web.Tests.Meetings;

public sealed class MeetingPagesTests
{
    [Fact]
    public async Task MeetingList_WithoutMeetings_ShowsBothEmptyStates_AndSchedulingFromTheFormOpensTheMeeting()
    {
        await using var site = new MeetingSite();
        var grave = await site.GraveCaseWaitingForReviewAsync();
        var secretary = await site.SignedInAsync("secretary@demo.az");

        var empty = await secretary.GetPageAsync("/meetings");
        var scheduled = await secretary.PostFormAsync("/meetings", new Dictionary<string, string>
        {
            ["Input.Date"] = MeetingSite.Tomorrow.ToString("yyyy-MM-dd"), ["Input.Time"] = "11:30", ["Input.Place"] = "Room 2",
        });

        Assert.Contains("data-testid=\"meetings-upcoming-empty\"", empty);
        Assert.Contains("data-testid=\"meetings-past-empty\"", empty);
        Assert.Contains("href=\"/meetings\"", empty);
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var page = await secretary.GetPageAsync(scheduled.Headers.Location!.OriginalString);
        Assert.Contains($"data-case=\"{grave}\"", page);
        Assert.Contains("data-waiting=\"true\"", page);
        Assert.Contains("11:30", page);
    }

    [Fact]
    public async Task SchedulingInThePast_AndADecisionWithAPastDueDate_AreShownBackWithMessages()
    {
        await using var site = new MeetingSite();
        var grave = await site.GraveCaseWaitingForReviewAsync();
        var chair = await site.SignedInAsync("chair@demo.az");
        var meeting = await MeetingSite.ScheduleAsync(chair);
        var item = (long)MeetingSite.Item(meeting, grave)["id"]!;

        var past = await chair.PostFormAsync("/meetings", new Dictionary<string, string>
        {
            ["Input.Date"] = MeetingSite.Tomorrow.AddDays(-3).ToString("yyyy-MM-dd"), ["Input.Place"] = "Room 2",
        });
        var decision = await chair.PostFormAsync($"/meetings/{meeting["id"]}", new Dictionary<string, string>
        {
            ["Decision.Outcome"] = "actions", ["Decision.Decision"] = "Act.", ["Decision.Actions[0].Agency"] = "Police",
            ["Decision.Actions[0].Text"] = "Visit.", ["Decision.Actions[0].DueDate"] = MeetingSite.Tomorrow.AddDays(-1).ToString("yyyy-MM-dd"),
        }, $"/meetings/{meeting["id"]}?handler=Decision&itemId={item}");

        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Contains("İclas keçmiş tarixə təyin edilə bilməz.", await SiteClient.HtmlAsync(past));
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        var html = await SiteClient.HtmlAsync(decision);
        Assert.Contains("İcra tarixi bu gündən sonra olmalıdır.", html);
        Assert.Contains("value=\"Visit.\"", html);
    }

    [Fact]
    public async Task PrintView_HasTheMinutesWithoutNavigation_AndAnotherDistrictsOrAnAgencysUserCannotOpenMeetings()
    {
        await using var site = new MeetingSite();
        var grave = await site.GraveCaseWaitingForReviewAsync();
        var secretary = await site.SignedInAsync("secretary@demo.az");
        var meeting = await MeetingSite.ScheduleAsync(secretary);
        await MinutesClosingTests.DecideAsync(secretary, meeting, grave, "monitoring", "Monitor monthly.");
        await MeetingSite.SendAsync(secretary, HttpMethod.Post, $"/api/meetings/{meeting["id"]}/close", new { confirm = true });
        var police = await site.SignedInAsync("police@demo.az");

        var print = await secretary.GetPageAsync($"/meetings/{meeting["id"]}/print");
        var refused = await police.GetAsync("/meetings");
        var refusedApi = await police.GetAsync($"/api/meetings/{meeting["id"]}");

        Assert.Contains("data-testid=\"minutes-print\"", print);
        Assert.Contains("meetings-print.css", print);
        Assert.Contains("Monitor monthly.", print);
        Assert.Contains(grave, print);
        Assert.DoesNotContain("main-nav", print);
        Assert.DoesNotContain("<form", print);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedApi.StatusCode);
    }
}
