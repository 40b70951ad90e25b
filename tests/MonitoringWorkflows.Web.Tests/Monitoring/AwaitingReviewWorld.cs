using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Meetings;
using MonitoringWorkflows.Web.Monitoring;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Access;
using MonitoringWorkflows.Web.Tests.Meetings.Support;

namespace MonitoringWorkflows.Web.Tests.Monitoring;

/// <summary>
/// The real workflows with a case in every position that matters to "awaiting the group's review", in the demo
/// district unless said otherwise:
/// <list type="bullet">
/// <item><see cref="Waiting"/>: grave, summary and the police's information done, waiting for the meeting's decision;</item>
/// <item><see cref="WaitingOnVersion2"/>: the same on a newer published group review whose catch event has another id;</item>
/// <item><see cref="BackOnAgenda"/>: grave, decided without actions, then put back on the agenda by the chair: waiting again;</item>
/// <item><see cref="Decided"/>: grave, the group's decision received, its police action open;</item>
/// <item><see cref="NotReady"/>: high risk (an adult), its group review still at the secretary's case summary;</item>
/// <item><see cref="Medium"/>: medium risk, referred, never sent to a group review;</item>
/// <item><see cref="Other"/>: grave and waiting for the decision, in the district "OTHR".</item>
/// </list>
/// </summary>
internal sealed class AwaitingReviewWorld : IAsyncDisposable
{
    public const string OtherCode = "OTHR";
    public const string GroupReview = "groupReview";

    public MeetingSite Site { get; } = new();
    public string Waiting { get; private set; } = "";
    public string WaitingOnVersion2 { get; private set; } = "";
    public string BackOnAgenda { get; private set; } = "";
    public string Decided { get; private set; } = "";
    public string NotReady { get; private set; } = "";
    public string Medium { get; private set; } = "";
    public string Other { get; private set; } = "";
    public int DemoId { get; private set; }
    public int OtherId { get; private set; }

    public static async Task<AwaitingReviewWorld> CreateAsync()
    {
        var world = new AwaitingReviewWorld();
        await world.SeedAsync();
        return world;
    }

    private async Task SeedAsync()
    {
        Waiting = await Site.GraveCaseWaitingForReviewAsync();
        BackOnAgenda = await Site.GraveCaseWaitingForReviewAsync();
        await DecideAsync(BackOnAgenda, new JsonArray());
        await Site.CompleteAsync(BackOnAgenda, "Task_ConfirmCompletion", new JsonObject { ["chairDecision"] = "back-to-agenda" }, "chair@demo.az");
        Decided = await Site.GraveCaseWaitingForReviewAsync();
        await DecideAsync(Decided, new JsonArray(new JsonObject { ["agency"] = "Police", ["description"] = "Visit weekly.", ["dueIn"] = "P7D" }));
        NotReady = await Site.RecordAsync(MeetingSite.Report(age: "30"));
        await Site.ScreenAsync(NotReady, "raise-to-high");
        Medium = await Site.RecordAsync(MeetingSite.Report(age: "40"));
        await Site.ScreenAsync(Medium, "raise-to-medium");
        Other = await OtherDistrictWaitingAsync();
        await PublishGroupReviewVersion2Async();
        WaitingOnVersion2 = await Site.GraveCaseWaitingForReviewAsync();
        await using var db = Site.Database();
        DemoId = await db.Districts.Where(d => d.Code == OrganisationSeeder.DemoDistrictCode).Select(d => d.Id).SingleAsync();
    }

    private async Task DecideAsync(string number, JsonArray actions)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var decided = await scope.ServiceProvider.GetRequiredService<WorkflowRunner>().CorrelateMessageAsync(number, MeetingLimits.DecisionMessage,
            new JsonObject { ["decision"] = "protect-and-monitor", ["actions"] = actions }, "secretary@demo.az", default);
        Assert.True(decided.IsOk, decided.Message);
    }

    /// <summary>The shipped group review as version 2, its catch event renamed, as an administrator's designer edit might.</summary>
    private async Task PublishGroupReviewVersion2Async()
    {
        await using (var db = Site.Database())
        {
            var first = await db.ProcessDefinitions.AsNoTracking().SingleAsync(d => d.Key == GroupReview);
            db.ProcessDefinitions.Add(new ProcessDefinitionRecord
            {
                Key = GroupReview, Version = 2, Status = DefinitionStatus.Published, Name = first.Name,
                BpmnXml = first.BpmnXml.Replace("Event_DecisionReceived", "Event_MeetingDecision", StringComparison.Ordinal),
                CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow, PublishedBy = "test", PublishedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        Site.Services.GetRequiredService<PublishedVersions>().Invalidate(GroupReview);
    }

    private async Task<string> OtherDistrictWaitingAsync()
    {
        string number;
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            var district = new District { Code = OtherCode, Name = "Other district" };
            db.Districts.Add(district);
            await db.SaveChangesAsync();
            OtherId = district.Id;
            var recorded = await scope.ServiceProvider.GetRequiredService<CaseIntake>().RecordAsync(MeetingSite.Report(), district.Id, "registrar@other.az", default);
            Assert.True(recorded.Start.IsOk, recorded.Start.Message);
            number = recorded.CaseNumber;
        }
        await Site.ScreenAsync(number, "raise-to-high");
        await Site.CompleteAsync(number, "Task_CaseSummary", new JsonObject
        {
            ["caseSummary"] = "Summary.", ["involvedAgencies"] = new JsonArray(),
        }, "secretary@other.az");
        return number;
    }

    /// <summary>The dashboard tile's count and link, computed as the dashboard computes it for the district.</summary>
    public async Task<Figure> TileAsync(int districtId)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var districtScope = (await DistrictScope.OfAsync(db, districtId, default))!;
        var data = await scope.ServiceProvider.GetRequiredService<DashboardFigures>().ForDistrictAsync(districtScope, (id, _) => id, a => a, default);
        return data.AwaitingReview;
    }

    /// <summary>The case list behind the tile, as the district's secretary gets it (one page is plenty here).</summary>
    public async Task<string[]> ListedAsync(int districtId)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var secretary = AccessWorld.User("secretary@test", Roles.Secretary, districtId);
        var page = await scope.ServiceProvider.GetRequiredService<CaseList>()
            .FindAsync(secretary, new CaseListFilter(Status: CaseStates.Open, Review: "awaiting"), default);
        return page.Rows.Select(r => r.Number).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The cases the agenda proposal for the meeting gives the reason "awaiting decision".</summary>
    public async Task<string[]> ProposedAwaitingAsync(int districtId, long meetingId = 0)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var items = await scope.ServiceProvider.GetRequiredService<AgendaProposal>().ForAsync(districtId, meetingId, default);
        return items.Where(i => i.Reasons.Contains(AgendaReasons.AwaitingDecision)).Select(i => i.CaseNumber).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The instances the closing of the minutes would send each case's decision to.</summary>
    public async Task<string[]> DecisionTargetsAsync(int districtId)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var waiting = await scope.ServiceProvider.GetRequiredService<WaitingReviews>().InDistrictAsync(districtId, default);
        return waiting.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    public ValueTask DisposeAsync() => Site.DisposeAsync();
}
