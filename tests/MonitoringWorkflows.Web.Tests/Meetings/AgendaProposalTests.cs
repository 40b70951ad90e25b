using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MonitoringWorkflows.Web.Tests.Meetings.Support;

namespace MonitoringWorkflows.Web.Tests.Meetings;

public sealed class AgendaProposalTests
{
    /// <summary>
    /// The prepared district: a grave case waiting for the group, a high-risk adult's case, a medium case, and an adult
    /// victim's case without screening. A first meeting gives the grave case a police action and records a decision on
    /// the adult's case; then two more reports come in, one of the same victim (same sex, birth year, place) and one of
    /// someone else.
    /// </summary>
    [Fact]
    public async Task Agenda_IsProposedFromGraveHighAwaitingRepeatAndOutstanding_AndLeavesOutWhatTheGroupSettled()
    {
        await using var site = new MeetingSite();
        var grave = await site.GraveCaseWaitingForReviewAsync();
        var high = await site.RecordAsync(MeetingSite.Report(age: "30"));
        await site.ScreenAsync(high, "raise-to-high");
        var medium = await site.RecordAsync(MeetingSite.Report(age: "40"));
        await site.ScreenAsync(medium, "raise-to-medium");
        var reviewed = await site.RecordAsync(MeetingSite.Report(age: "30", place: "Flat 4, Nizami street"));
        var secretary = await site.SignedInAsync("secretary@demo.az");

        var first = await MeetingSite.ScheduleAsync(secretary);
        Assert.Equal([(grave, "grave,awaitingDecision"), (high, "high")], Proposed(first));

        var added = await MeetingSite.SendAsync(secretary, HttpMethod.Post, $"/api/meetings/{first["id"]}/agenda", new { caseNumber = reviewed });
        first = (await added.Content.ReadFromJsonAsync<JsonObject>())!;
        await MinutesClosingTests.DecideAsync(secretary, first, grave, "actions", "Weekly visits.",
            new { agency = "Police", text = "Visit weekly.", dueDate = MeetingSite.Tomorrow.AddDays(6).ToString("yyyy-MM-dd") });
        await MinutesClosingTests.DecideAsync(secretary, first, high, "postponed", "");
        await MinutesClosingTests.DecideAsync(secretary, first, reviewed, "monitoring", "Monitor.");
        Assert.Equal(HttpStatusCode.OK, (await MeetingSite.SendAsync(secretary, HttpMethod.Post, $"/api/meetings/{first["id"]}/close", new { confirm = true })).StatusCode);
        var repeat = await site.RecordAsync(MeetingSite.Report(age: "31", place: "  flat 4,  NIZAMI street "));
        await site.RecordAsync(MeetingSite.Report(age: "31", place: "Flat 9, Nizami street"));

        var second = await MeetingSite.ScheduleAsync(secretary);

        Assert.Equal([(high, "high"), (repeat, "repeat"), (grave, "outstandingActions")], Proposed(second));
        await site.CompleteAsync(grave, "Task_CarryOutAction", new JsonObject { ["actionOutcome"] = "done", ["actionNote"] = "Four visits." }, "police@demo.az");
        Assert.DoesNotContain(grave, (await site.ProposalAsync()).Select(p => p.CaseNumber));
    }

    [Fact]
    public async Task Agenda_WithNothingToDiscuss_IsEmpty_AndACaseIsAddedByNumberOnlyFromTheDistrict()
    {
        await using var site = new MeetingSite();
        var medium = await site.RecordAsync(MeetingSite.Report(age: "40"));
        var chair = await site.SignedInAsync("chair@demo.az");

        var meeting = await MeetingSite.ScheduleAsync(chair);
        var unknown = await MeetingSite.SendAsync(chair, HttpMethod.Post, $"/api/meetings/{meeting["id"]}/agenda", new { caseNumber = "OTHER-2026-0001" });
        var added = await MeetingSite.SendAsync(chair, HttpMethod.Post, $"/api/meetings/{meeting["id"]}/agenda", new { caseNumber = medium.ToLowerInvariant() });
        var twice = await MeetingSite.SendAsync(chair, HttpMethod.Post, $"/api/meetings/{meeting["id"]}/agenda", new { caseNumber = medium });

        Assert.Empty(meeting["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal([(medium, "")], Proposed((await added.Content.ReadFromJsonAsync<JsonObject>())!));
    }

    private static List<(string, string)> Proposed(JsonObject meeting) => meeting["items"]!.AsArray()
        .Select(i => ((string)i!["caseNumber"]!, string.Join(',', i["reasons"]!.AsArray().Select(r => (string)r!)))).ToList();
}
