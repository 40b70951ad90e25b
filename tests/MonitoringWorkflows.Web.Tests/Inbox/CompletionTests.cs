using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Inbox.Support;

namespace MonitoringWorkflows.Web.Tests.Inbox;

public sealed class CompletionTests
{
    private static JsonObject MediumToPolice() => new()
    {
        ["riskIndicators"] = new JsonArray("injuries", "stalking"), ["professionalJudgement"] = "raise-to-medium",
        ["judgementReason"] = "Threats at work.", ["referralAgencies"] = new JsonArray("Police"), ["needsShelter"] = false,
    };

    [Fact]
    public async Task Complete_ValidScreening_MovesTheCaseOn_ToAReferralForThePolice()
    {
        await using var site = new InboxSite();
        var number = await site.RecordCaseAsync();
        var step = await site.OpenStepAsync(number, "Task_RiskScreening");
        using var social = await site.SignedInAsync("social@demo.az");
        var me = await site.FindUserAsync("social@demo.az");

        var response = await social.PostAsync($"/api/tasks/{step.Id}/complete", MediumToPolice());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("completed", (await response.JsonAsync())["outcome"]!.GetValue<string>());
        var done = await site.StepAsync(step.Id);
        Assert.Equal(UserTaskStatus.Completed, done.Status);
        Assert.Equal("social@demo.az", done.CompletedBy);
        Assert.Equal(me.Id, done.ClaimedBy); // claimed on the way
        var referral = await site.OpenStepAsync(number, "Task_Referral", "Police");
        using var police = await site.SignedInAsync("police@demo.az");
        var detail = await (await police.Http.GetAsync($"/api/tasks/{referral.Id}")).JsonAsync();
        Assert.Equal("medium", detail["case"]!["riskLevel"]!.GetValue<string>());
        Assert.Equal("referral-response", detail["form"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Complete_InvalidData_AnswersFieldErrors_EchoesTheData_AndChangesNothing()
    {
        await using var site = new InboxSite();
        var step = await site.OpenStepAsync(await site.RecordCaseAsync(), "Task_RiskScreening");
        using var social = await site.SignedInAsync("social@demo.az");
        var data = new JsonObject { ["professionalJudgement"] = "raise-to-high", ["referralAgencies"] = new JsonArray("Police", "Army") };

        var response = await social.PostAsync($"/api/tasks/{step.Id}/complete", data);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal(["judgementReason", "referralAgencies"], problem["errors"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal("Bu sahə doldurulmalıdır.", problem["errors"]!["judgementReason"]![0]!.GetValue<string>());
        Assert.Equal("raise-to-high", problem["data"]!["professionalJudgement"]!.GetValue<string>());
        var after = await site.StepAsync(step.Id);
        Assert.Equal(UserTaskStatus.Open, after.Status);
        Assert.Null(after.ClaimedBy);
    }

    [Fact]
    public async Task Complete_AForgedFieldForTheProcess_IsRefused()
    {
        await using var site = new InboxSite();
        var number = await site.RecordCaseAsync();
        await site.ScreenAsMediumAsync(number, "Police");
        var referral = await site.OpenStepAsync(number, "Task_Referral", "Police");
        using var police = await site.SignedInAsync("police@demo.az");
        var forged = new JsonObject { ["referralStatus"] = "done", ["outcomeNote"] = "ok", ["riskLevel"] = "low", ["agency"] = "Health" };

        var response = await police.PostAsync($"/api/tasks/{referral.Id}/complete", forged);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["agency", "riskLevel"], (await response.JsonAsync())["errors"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(UserTaskStatus.Open, (await site.StepAsync(referral.Id)).Status);
    }

    [Fact]
    public async Task Complete_Twice_TheSecondGetsAConflictSayingWhoCompletedIt()
    {
        await using var site = new InboxSite();
        var step = await site.OpenStepAsync(await site.RecordCaseAsync(), "Task_RiskScreening");
        using var social = await site.SignedInAsync("social@demo.az");

        var first = await social.PostAsync($"/api/tasks/{step.Id}/complete", MediumToPolice());
        var second = await social.PostAsync($"/api/tasks/{step.Id}/complete", MediumToPolice());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.JsonAsync();
        Assert.StartsWith("Bu addımı artıq social@demo.az", problem["title"]!.GetValue<string>());
        Assert.Equal("Threats at work.", problem["data"]!["judgementReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Complete_WithoutTheAntiforgeryHeader_IsRefused_AndNothingChanges()
    {
        await using var site = new InboxSite();
        var step = await site.OpenStepAsync(await site.RecordCaseAsync(), "Task_RiskScreening");
        using var social = await site.SignedInAsync("social@demo.az");

        var response = await social.PostAsync($"/api/tasks/{step.Id}/complete", MediumToPolice(), withToken: false);
        var claim = await social.PostAsync($"/api/tasks/{step.Id}/claim", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, claim.StatusCode);
        var after = await site.StepAsync(step.Id);
        Assert.Equal(UserTaskStatus.Open, after.Status);
        Assert.Null(after.ClaimedBy);
    }

    [Fact]
    public async Task Complete_ABodyOverTheLimit_IsRefusedAsTooLarge()
    {
        await using var site = new InboxSite();
        var step = await site.OpenStepAsync(await site.RecordCaseAsync(), "Task_RiskScreening");
        using var social = await site.SignedInAsync("social@demo.az");
        var huge = new JsonObject { ["screeningNotes"] = new string('x', 300 * 1024) };

        var response = await social.PostAsync($"/api/tasks/{step.Id}/complete", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Complete_ScriptInAText_IsStored_AndShownEscapedOnTheDoneStep()
    {
        await using var site = new InboxSite();
        var step = await site.OpenStepAsync(await site.RecordCaseAsync(), "Task_RiskScreening");
        using var social = await site.SignedInAsync("social@demo.az");
        var data = new JsonObject { ["professionalJudgement"] = "none", ["screeningNotes"] = "<script>alert('x')</script>" };

        var response = await social.PostAsync($"/api/tasks/{step.Id}/complete", data);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<script>alert('x')</script>", (await site.StepAsync(step.Id)).OutputJson!.Replace("\\u003C", "<").Replace("\\u003E", ">").Replace("\\u0027", "'"));
        var raw = await (await social.GetAsync($"/inbox/{step.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", raw);
        Assert.DoesNotContain("<script>alert(", raw);
    }
}
