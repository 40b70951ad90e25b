using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Meetings;
using MonitoringWorkflows.Web.Monitoring;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Meetings.Support;

namespace MonitoringWorkflows.Web.Tests.Monitoring;

/// <summary>
/// "Awaiting the group's review" has one definition (<see cref="AwaitingReview"/>): the dashboard's tile, the case
/// list behind it and the agenda proposal's "awaiting decision" must name the same cases in every position a case
/// can be in (<see cref="AwaitingReviewWorld"/>).
/// </summary>
public sealed partial class AwaitingReviewTests
{
    [Fact]
    public async Task TileListAndAgendaProposal_OnEveryPositionOfACase_NameTheSameCases()
    {
        await using var world = await AwaitingReviewWorld.CreateAsync();
        string[] expected = [.. new[] { world.Waiting, world.WaitingOnVersion2, world.BackOnAgenda }.Order(StringComparer.Ordinal)];

        var tile = await world.TileAsync(world.DemoId);

        Assert.Equal(expected.Length, tile.Count);
        Assert.Equal(expected, await world.ListedAsync(world.DemoId));
        Assert.Equal(expected, await world.ProposedAwaitingAsync(world.DemoId));
        Assert.Equal(expected, await world.DecisionTargetsAsync(world.DemoId));
        Assert.Equal(1, (await world.TileAsync(world.OtherId)).Count);
        Assert.Equal([world.Other], await world.ListedAsync(world.OtherId));
        Assert.Equal([world.Other], await world.ProposedAwaitingAsync(world.OtherId));
        Assert.Equal([world.Other], await world.DecisionTargetsAsync(world.OtherId));
    }

    [Fact]
    public async Task TheChairClickingTheTile_GetsTheListOfExactlyTheCasesItCounted()
    {
        await using var world = await AwaitingReviewWorld.CreateAsync();
        var chair = await world.Site.SignedInAsync("chair@demo.az");

        var figure = (await chair.Http.GetFromJsonAsync<JsonObject>("/api/monitoring/dashboard"))!["awaitingReview"]!;
        var listed = CaseRow().Matches(await chair.GetPageAsync((string)figure["href"]!)).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(3, (long)figure["count"]!);
        Assert.Equal(new[] { world.Waiting, world.WaitingOnVersion2, world.BackOnAgenda }.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Put on a scheduled meeting's agenda and not decided yet, a case still awaits review everywhere; the proposal for
    /// a further meeting leaves it to the meeting that holds it (on purpose: one case is decided at one meeting).
    /// </summary>
    [Fact]
    public async Task ACaseOnAScheduledMeetingsAgenda_StillAwaitsReview_AndIsLeftOutOfOtherMeetingsProposals()
    {
        await using var world = await AwaitingReviewWorld.CreateAsync();
        var secretary = await world.Site.SignedInAsync("secretary@demo.az");
        string[] expected = [.. new[] { world.Waiting, world.WaitingOnVersion2, world.BackOnAgenda }.Order(StringComparer.Ordinal)];

        var meeting = await MeetingSite.ScheduleAsync(secretary);

        var onAgenda = meeting["items"]!.AsArray()
            .Where(i => i!["reasons"]!.AsArray().Any(r => (string)r! == AgendaReasons.AwaitingDecision))
            .Select(i => (string)i!["caseNumber"]!).Order(StringComparer.Ordinal);
        Assert.Equal(expected, onAgenda);
        Assert.Equal(expected.Length, (await world.TileAsync(world.DemoId)).Count);
        Assert.Equal(expected, await world.ListedAsync(world.DemoId));
        Assert.Equal(expected, await world.ProposedAwaitingAsync(world.DemoId, (long)meeting["id"]!));
        Assert.Empty(await world.ProposedAwaitingAsync(world.DemoId));
    }

    /// <summary>
    /// How the shipped group review waits: <c>Task_PutOnAgenda</c> (a service task) runs in the step that reaches it,
    /// so the stored state holds the token at <c>Event_DecisionReceived</c> with the message subscription open; a newer
    /// version may name its catch event otherwise, the subscription stays the same.
    /// </summary>
    [Fact]
    public async Task AWaitingGroupReview_HoldsItsTokenAtTheDecisionEvent_WithTheMessageSubscriptionOpen()
    {
        await using var world = await AwaitingReviewWorld.CreateAsync();
        await using var db = world.Site.Database();

        var state = await GroupReviewStateAsync(db, world.Waiting);
        var onVersion2 = await GroupReviewStateAsync(db, world.WaitingOnVersion2);

        Assert.Equal(["Event_DecisionReceived"], state.Tokens.Select(t => t.ElementId));
        Assert.Equal(MeetingLimits.DecisionMessage, Assert.Single(state.Subscriptions).MessageName);
        Assert.Equal(["Event_MeetingDecision"], onVersion2.Tokens.Select(t => t.ElementId));
        Assert.Equal(MeetingLimits.DecisionMessage, Assert.Single(onVersion2.Subscriptions).MessageName);
    }

    private static async Task<Engine.Runtime.InstanceState> GroupReviewStateAsync(WorkflowDbContext db, string number) =>
        RuntimeJson.DeserializeState(await db.ProcessInstances.AsNoTracking()
            .Where(i => i.BusinessKey == number && i.DefinitionVersion!.Key == AwaitingReviewWorld.GroupReview && i.Status == ProcessInstanceStatus.Running)
            .Select(i => i.StateJson).SingleAsync());

    [GeneratedRegex("<tr data-case=\"([^\"]+)\"")]
    private static partial Regex CaseRow();
}
