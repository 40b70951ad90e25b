using System.Net;
using System.Text.Json.Nodes;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Inbox.Support;

namespace MonitoringWorkflows.Web.Tests.Inbox;

public sealed class InboxAccessTests
{
    [Fact]
    public async Task List_PoliceMember_SeesOnlyPoliceStepsOfTheirDistrict()
    {
        await using var site = new InboxSite();
        await site.AddOtherDistrictAsync();
        var ours = await site.RecordCaseAsync();
        await site.ScreenAsMediumAsync(ours, "Police", "Health");
        var theirs = await site.RecordCaseAsync("OTHER");
        await site.ScreenAsMediumAsync(theirs, "Police");
        using var police = await site.SignedInAsync("police@demo.az");

        var list = await (await police.Http.GetAsync("/api/tasks")).JsonAsync();
        var page = await police.GetPageAsync("/inbox");

        var item = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal(ours, item["caseNumber"]!.GetValue<string>());
        Assert.Equal("Task_Referral", item["elementId"]!.GetValue<string>());
        Assert.Contains(ours, page);
        Assert.DoesNotContain(theirs, page);
    }

    [Fact]
    public async Task Step_OfAnotherAgency_AnswersLikeAStepThatDoesNotExist()
    {
        await using var site = new InboxSite();
        var number = await site.RecordCaseAsync();
        await site.ScreenAsMediumAsync(number, "Health");
        var healthStep = await site.OpenStepAsync(number, "Task_Referral", "Health");
        using var police = await site.SignedInAsync("police@demo.az");

        var hidden = await AssertHiddenAsync(police, healthStep.Id);
        var missing = await AssertHiddenAsync(police, 999_999);

        Assert.Equal(missing, hidden);
    }

    [Fact]
    public async Task Step_OfAnotherDistrict_AnswersLikeAStepThatDoesNotExist_AndCannotBeClaimedOrCompleted()
    {
        await using var site = new InboxSite();
        await site.AddOtherDistrictAsync();
        var number = await site.RecordCaseAsync();
        await site.ScreenAsMediumAsync(number, "Police");
        var step = await site.OpenStepAsync(number, "Task_Referral", "Police");
        using var otherPolice = await site.SignedInAsync(InboxSite.OtherPolice, SiteHost.StrongPassword);

        Assert.NotEmpty(await AssertHiddenAsync(otherPolice, step.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await otherPolice.PostAsync($"/api/tasks/{step.Id}/claim")).StatusCode);
        var complete = await otherPolice.PostAsync($"/api/tasks/{step.Id}/complete", new JsonObject { ["referralStatus"] = "accepted" });
        Assert.Equal(HttpStatusCode.NotFound, complete.StatusCode);
        var after = await site.StepAsync(step.Id);
        Assert.Null(after.ClaimedBy);
        Assert.Equal(Web.Persistence.Records.UserTaskStatus.Open, after.Status);
    }

    [Theory]
    [InlineData("registrar@demo.az")]
    [InlineData("analyst@demo.az")]
    [InlineData("admin@demo.az")]
    public async Task Inbox_UserWithoutOne_IsRefusedOnThePageAndTheApi(string email)
    {
        await using var site = new InboxSite();
        using var user = await site.SignedInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task Inbox_Chair_SeesTheClosureApproval_WhichAgencyMembersDoNot()
    {
        await using var site = new InboxSite();
        var number = await site.RecordCaseAsync();
        var runner = site.Services.GetService(typeof(Web.Runtime.WorkflowRunner)) as Web.Runtime.WorkflowRunner;
        var screening = await site.OpenStepAsync(number, "Task_RiskScreening");
        await runner!.CompleteTaskAsync(screening.Id, new JsonObject { ["professionalJudgement"] = "none" }, "social@demo.az", CancellationToken.None);
        var followUp = await site.OpenStepAsync(number, "Task_SocialFollowUp");
        await runner.CompleteTaskAsync(followUp.Id, new JsonObject
        {
            ["followUpDate"] = "2026-02-01", ["contactType"] = "phone", ["followUpSummary"] = "Safe now.", ["readyForClosure"] = true,
        }, "social@demo.az", CancellationToken.None);
        var closure = await site.OpenStepAsync(number, "Task_ClosureApproval");
        using var chair = await site.SignedInAsync("chair@demo.az");
        using var social = await site.SignedInAsync("social@demo.az");

        var chairList = await (await chair.Http.GetAsync("/api/tasks")).JsonAsync();
        Assert.Equal(closure.Id, Assert.Single(chairList["items"]!.AsArray())!["id"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.OK, (await chair.GetAsync($"/inbox/{closure.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await social.GetAsync($"/inbox/{closure.Id}")).StatusCode);
    }

    /// <summary>Asserts 404 on the page and the API; returns the API's problem title, to compare with a missing step's.</summary>
    private static async Task<string> AssertHiddenAsync(SiteClient client, long id)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/inbox/{id}")).StatusCode);
        var api = await client.GetAsync($"/api/tasks/{id}");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        return (await api.JsonAsync())["title"]!.GetValue<string>();
    }
}
