using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Tests.Meetings.Support;

namespace MonitoringWorkflows.Web.Tests.Meetings;

public sealed class MinutesClosingTests
{
    [Fact]
    public async Task Closing_SendsTheDecisionToTheWaitingReview_ItsActionsReachTheAgenciesInboxes_AndTheOtherCaseIsOnlyRecorded()
    {
        await using var site = new MeetingSite();
        var grave = await site.GraveCaseWaitingForReviewAsync();
        var high = await site.RecordAsync(MeetingSite.Report(age: "30"));
        await site.ScreenAsync(high, "raise-to-high");
        var secretary = await site.SignedInAsync("secretary@demo.az");
        var meeting = await MeetingSite.ScheduleAsync(secretary);
        var id = (long)meeting["id"]!;
        Assert.True((bool)MeetingSite.Item(meeting, grave)["waitingForDecision"]!);
        Assert.False((bool)MeetingSite.Item(meeting, high)["waitingForDecision"]!);
        var policeDue = MeetingSite.Tomorrow.AddDays(6);

        await DecideAsync(secretary, meeting, grave, "actions", "Protect the child; weekly police visits.",
            new { agency = "Police", text = "Visit the family weekly.", dueDate = policeDue.ToString("yyyy-MM-dd") },
            new { agency = "Education", text = "School psychologist sessions.", dueDate = MeetingSite.Tomorrow.AddDays(13).ToString("yyyy-MM-dd") });
        await DecideAsync(secretary, meeting, high, "monitoring", "Monitor monthly.");
        var closed = await MeetingSite.SendAsync(secretary, HttpMethod.Post, $"/api/meetings/{id}/close", new { confirm = true });

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var minutes = (await closed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Closed", (string)minutes["status"]!);
        Assert.Equal("sent", (string)MeetingSite.Item(minutes, grave)["delivery"]!);
        Assert.Equal("recorded", (string)MeetingSite.Item(minutes, high)["delivery"]!);
        var police = Assert.Single(await site.InboxAsync("Police"), r => r.ElementId == "Task_CarryOutAction");
        Assert.Equal(grave, police.CaseNumber);
        Assert.Equal(policeDue, DateOnly.FromDateTime(AzerbaijanTime.Of(police.DueAt!.Value).DateTime));
        Assert.Single(await site.InboxAsync("Education"), r => r.ElementId == "Task_CarryOutAction" && r.CaseNumber == grave);
        Assert.DoesNotContain(await site.InboxAsync("Health"), r => r.ElementId == "Task_CarryOutAction");
        await AssertDecisionInReviewAsync(site, grave);
        await AssertRecordedInJournalAsync(site, high);
        var chair = await site.SignedInAsync("chair@demo.az");
        Assert.Contains("data-kind=\"GroupDecisionRecorded\"", await chair.GetPageAsync($"/cases/{high}"));
    }

    [Fact]
    public async Task ClosingAgain_AfterTheHostStoppedMidway_SendsOnlyTheDecisionsNotSentYet()
    {
        await using var site = new MeetingSite();
        var grave = await site.GraveCaseWaitingForReviewAsync();
        var other = await site.RecordAsync(MeetingSite.Report(age: "30"));
        var secretary = await site.SignedInAsync("secretary@demo.az");
        var meeting = await MeetingSite.ScheduleAsync(secretary);
        var id = (long)meeting["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await MeetingSite.SendAsync(secretary, HttpMethod.Post, $"/api/meetings/{id}/agenda", new { caseNumber = other })).StatusCode);
        meeting = (await secretary.Http.GetFromJsonAsync<JsonObject>($"/api/meetings/{id}"))!;
        await DecideAsync(secretary, meeting, grave, "noFurtherAction", "Nothing more to do.");
        await DecideAsync(secretary, meeting, other, "monitoring", "Monitor.");
        Assert.Equal(HttpStatusCode.OK, (await MeetingSite.SendAsync(secretary, HttpMethod.Post, $"/api/meetings/{id}/close", new { confirm = true })).StatusCode);
        await using (var db = site.Database())
            await db.AgendaItems.Where(i => i.CaseNumber == other).ExecuteUpdateAsync(set => set.SetProperty(i => i.Delivery, (string?)null));

        var resumed = await MeetingSite.SendAsync(secretary, HttpMethod.Post, $"/api/meetings/{id}/close", new { confirm = true });
        var again = await MeetingSite.SendAsync(secretary, HttpMethod.Post, $"/api/meetings/{id}/close", new { confirm = true });

        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var minutes = (await resumed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("sent", "recorded"), ((string)MeetingSite.Item(minutes, grave)["delivery"]!, (string)MeetingSite.Item(minutes, other)["delivery"]!));
        await using var check = site.Database();
        var review = await check.ProcessInstances.SingleAsync(i => i.BusinessKey == grave && i.DefinitionVersion!.Key == "groupReview");
        Assert.Equal(1, await check.JournalEntries.CountAsync(j => j.InstanceId == review.Id && j.Kind == JournalKind.MessageReceived));
        // No actions: the review went straight on to the chair's confirmation.
        Assert.True(await check.UserTasks.AnyAsync(t => t.Instance!.BusinessKey == grave && t.ElementId == "Task_ConfirmCompletion" && t.Status == UserTaskStatus.Open));
    }

    [Fact]
    public async Task Decision_WithAnUnknownAgencyAPastDueDateOrNoText_IsRefusedWithTheFieldsNamed()
    {
        await using var site = new MeetingSite();
        var grave = await site.GraveCaseWaitingForReviewAsync();
        var chair = await site.SignedInAsync("chair@demo.az");
        var meeting = await MeetingSite.ScheduleAsync(chair);
        var item = (long)MeetingSite.Item(meeting, grave)["id"]!;

        var response = await MeetingSite.SendAsync(chair, HttpMethod.Put, $"/api/meetings/{meeting["id"]}/agenda/{item}/decision", new
        {
            decision = "Act.", outcome = "actions",
            actions = new object[]
            {
                new { agency = "Fire brigade", text = "Check the house.", dueDate = MeetingSite.Tomorrow.ToString("yyyy-MM-dd") },
                new { agency = "Police", text = "Visit.", dueDate = MeetingSite.Tomorrow.AddDays(-1).ToString("yyyy-MM-dd") },
                new { agency = "Health", text = "", dueDate = MeetingSite.Tomorrow.ToString("yyyy-MM-dd") },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["Actions[0].Agency", "Actions[1].DueDate", "Actions[2].Text"], errors.Select(e => e.Key).Order());
        await using var db = site.Database();
        Assert.False(await db.MeetingActions.AnyAsync());
        Assert.Null((await db.AgendaItems.SingleAsync(i => i.Id == item)).Outcome);
    }

    [Fact]
    public async Task ClosedMinutes_RefuseEveryChange_WithConflict_AndClosingNeedsConfirmationAndEveryDecision()
    {
        await using var site = new MeetingSite();
        var grave = await site.GraveCaseWaitingForReviewAsync();
        var secretary = await site.SignedInAsync("secretary@demo.az");
        var meeting = await MeetingSite.ScheduleAsync(secretary);
        var id = (long)meeting["id"]!;
        var item = (long)MeetingSite.Item(meeting, grave)["id"]!;
        var close = $"/api/meetings/{id}/close";

        Assert.Equal(HttpStatusCode.BadRequest, (await MeetingSite.SendAsync(secretary, HttpMethod.Post, close, new { confirm = true })).StatusCode);
        await DecideAsync(secretary, meeting, grave, "postponed", "");
        Assert.Equal(HttpStatusCode.BadRequest, (await MeetingSite.SendAsync(secretary, HttpMethod.Post, close, new { confirm = false })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MeetingSite.SendAsync(secretary, HttpMethod.Post, close, new { confirm = true })).StatusCode);

        var refused = new[]
        {
            await MeetingSite.SendAsync(secretary, HttpMethod.Put, $"/api/meetings/{id}/agenda/{item}/decision", new { decision = "Late.", outcome = "monitoring" }),
            await MeetingSite.SendAsync(secretary, HttpMethod.Put, $"/api/meetings/{id}/attendance", new { agencies = new[] { new { agency = "Police", present = true, name = "X" } } }),
            await MeetingSite.SendAsync(secretary, HttpMethod.Post, $"/api/meetings/{id}/agenda", new { caseNumber = grave }),
            await MeetingSite.SendAsync(secretary, HttpMethod.Delete, $"/api/meetings/{id}/agenda/{item}"),
            await MeetingSite.SendAsync(secretary, HttpMethod.Post, close, new { confirm = true }),
            await secretary.PostFormAsync($"/meetings/{id}", new Dictionary<string, string> { ["Decision.Outcome"] = "monitoring", ["Decision.Decision"] = "Late." },
                $"/meetings/{id}?handler=Decision&itemId={item}"),
        };

        Assert.All(refused, response => Assert.Equal(HttpStatusCode.Conflict, response.StatusCode));
        await using var db = site.Database();
        var kept = await db.AgendaItems.SingleAsync(i => i.Id == item);
        Assert.Equal(("postponed", "postponed"), (kept.Outcome, kept.Delivery));
        // Postponed: the review still waits for the next meeting's decision.
        Assert.Contains(grave, (await site.ProposalAsync()).Select(p => p.CaseNumber));
    }

    internal static async Task DecideAsync(Identity.Support.SiteClient client, JsonObject meeting, string number, string outcome, string decision,
        params object[] actions)
    {
        var item = (long)MeetingSite.Item(meeting, number)["id"]!;
        var response = await MeetingSite.SendAsync(client, HttpMethod.Put, $"/api/meetings/{meeting["id"]}/agenda/{item}/decision",
            new { decision, outcome, actions });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task AssertDecisionInReviewAsync(MeetingSite site, string number)
    {
        await using var db = site.Database();
        var review = await db.ProcessInstances.SingleAsync(i => i.BusinessKey == number && i.DefinitionVersion!.Key == "groupReview");
        var variables = JsonNode.Parse(review.StateJson)!["Variables"]!;
        Assert.Equal("Protect the child; weekly police visits.", (string)variables["decision"]!);
        Assert.True(await db.JournalEntries.AnyAsync(j => j.InstanceId == review.Id && j.Kind == JournalKind.MessageReceived));
        Assert.Empty(await site.WaitingAsync(number));
    }

    private static async Task AssertRecordedInJournalAsync(MeetingSite site, string number)
    {
        await using var db = site.Database();
        var main = (await db.Cases.SingleAsync(c => c.Number == number)).ProcessInstanceId;
        var entry = await db.JournalEntries.SingleAsync(j => j.InstanceId == main && j.Kind == JournalKind.GroupDecisionRecorded);
        Assert.Contains("Monitor monthly.", entry.DataJson);
        Assert.False(await db.UserTasks.AnyAsync(t => t.Instance!.BusinessKey == number && t.ElementId == "Task_CarryOutAction"));
    }
}
