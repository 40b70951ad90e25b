using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Inbox;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Inbox.Support;

namespace MonitoringWorkflows.Web.Tests.Inbox;

public sealed class ClaimTests
{
    [Fact]
    public async Task Claim_AStepSomeoneElseHolds_SaysWhoHoldsIt()
    {
        await using var site = new InboxSite();
        await site.CreateMemberAsync(InboxSite.SecondSocial, Roles.AgencyMember, "SocialProtection");
        var step = await site.OpenStepAsync(await site.RecordCaseAsync(), "Task_RiskScreening");
        using var first = await site.SignedInAsync("social@demo.az");
        using var second = await site.SignedInAsync(InboxSite.SecondSocial, SiteHost.StrongPassword);
        var owner = await site.FindUserAsync("social@demo.az");

        var won = await first.PostAsync($"/api/tasks/{step.Id}/claim");
        var lost = await second.PostAsync($"/api/tasks/{step.Id}/claim");

        Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Equal($"Bu addımı artıq {owner.DisplayName} götürüb.", (await lost.JsonAsync())["title"]!.GetValue<string>());
        Assert.Equal(owner.Id, (await site.StepAsync(step.Id)).ClaimedBy);
    }

    [Fact]
    public async Task Claim_TwoAtOnce_ExactlyOneWins()
    {
        await using var site = new InboxSite();
        await site.CreateMemberAsync(InboxSite.SecondSocial, Roles.AgencyMember, "SocialProtection");
        var step = await site.OpenStepAsync(await site.RecordCaseAsync(), "Task_RiskScreening");
        var holders = new[] { await HolderAsync(site, "social@demo.az"), await HolderAsync(site, InboxSite.SecondSocial) };

        var results = await Task.WhenAll(holders.Select(holder => Task.Run(async () =>
        {
            await using var scope = site.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<StepClaims>().ClaimAsync(holder, step.Id, CancellationToken.None);
        })));

        Assert.Single(results, r => r.Outcome == ClaimOutcome.Claimed);
        Assert.Single(results, r => r.Outcome == ClaimOutcome.ClaimedByOther);
        var winner = holders[Array.FindIndex(results, r => r.Outcome == ClaimOutcome.Claimed)];
        Assert.Equal(winner.UserId, (await site.StepAsync(step.Id)).ClaimedBy);
    }

    [Fact]
    public async Task Release_MyClaim_FreesTheStep_ButNotSomeoneElses()
    {
        await using var site = new InboxSite();
        await site.CreateMemberAsync(InboxSite.SecondSocial, Roles.AgencyMember, "SocialProtection");
        var step = await site.OpenStepAsync(await site.RecordCaseAsync(), "Task_RiskScreening");
        using var first = await site.SignedInAsync("social@demo.az");
        using var second = await site.SignedInAsync(InboxSite.SecondSocial, SiteHost.StrongPassword);
        await first.PostAsync($"/api/tasks/{step.Id}/claim");

        Assert.Equal(HttpStatusCode.Conflict, (await second.PostAsync($"/api/tasks/{step.Id}/release")).StatusCode);
        Assert.NotNull((await site.StepAsync(step.Id)).ClaimedBy);
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsync($"/api/tasks/{step.Id}/release")).StatusCode);
        var after = await site.StepAsync(step.Id);
        Assert.Null(after.ClaimedBy);
        Assert.Null(after.ClaimedAt);
    }

    [Fact]
    public async Task Claim_OnTheStepPage_WorksWithoutScript_AndShowsWhoHoldsIt()
    {
        await using var site = new InboxSite();
        var step = await site.OpenStepAsync(await site.RecordCaseAsync(), "Task_RiskScreening");
        using var social = await site.SignedInAsync("social@demo.az");

        var response = await social.PostFormAsync($"/inbox/{step.Id}", new Dictionary<string, string>(), $"/inbox/{step.Id}?handler=Claim");

        Assert.Equal($"/inbox/{step.Id}", SiteClient.RedirectPath(response));
        Assert.NotNull((await site.StepAsync(step.Id)).ClaimedAt);
        var page = await social.GetPageAsync($"/inbox/{step.Id}");
        Assert.Contains("Bu addımı siz götürmüsünüz.", page);
    }

    [Fact]
    public async Task Complete_AStepSomeoneElseHolds_IsRefused_AndNothingChanges()
    {
        await using var site = new InboxSite();
        await site.CreateMemberAsync(InboxSite.SecondSocial, Roles.AgencyMember, "SocialProtection");
        var step = await site.OpenStepAsync(await site.RecordCaseAsync(), "Task_RiskScreening");
        using var first = await site.SignedInAsync("social@demo.az");
        using var second = await site.SignedInAsync(InboxSite.SecondSocial, SiteHost.StrongPassword);
        await first.PostAsync($"/api/tasks/{step.Id}/claim");

        var response = await second.PostAsync($"/api/tasks/{step.Id}/complete", new JsonObject { ["professionalJudgement"] = "none" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(UserTaskStatus.Open, (await site.StepAsync(step.Id)).Status);
    }

    private static async Task<InboxHolder> HolderAsync(InboxSite site, string email)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Web.Identity.ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        return new InboxHolder(user.Id, email, user.DistrictId!.Value, "SocialProtection", null);
    }
}
