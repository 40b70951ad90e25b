using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Tests.Cases.Support;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Referrals.Support;

namespace MonitoringWorkflows.Web.Tests.Referrals;

public sealed class ReferralRestartTests
{
    private const string NoStart = "data-testid=\"referral-not-started\"";
    private const string StartButton = "data-testid=\"start-referral\"";
    private static readonly Dictionary<string, string> NoFields = [];

    [Fact]
    public async Task StartLater_TheChair_StartsOneInstance_OpensTheCase_AndSendsTheFirstStepToTheAgency()
    {
        await using var site = new RestartSite();
        var number = await site.RecordUnstartedCaseAsync();
        using var chair = await site.SignedInAsync("chair@demo.az");
        var before = await chair.GetPageAsync($"/cases/{number}");
        Assert.Contains(NoStart, before);
        Assert.Contains(StartButton, before);
        await site.PublishReferralAsync();

        var response = await chair.PostFormAsync($"/cases/{number}", NoFields, $"/cases/{number}?handler=StartReferral");

        Assert.Equal($"/cases/{number}", SiteClient.RedirectPath(response));
        await using var db = site.Database();
        var instance = await db.ProcessInstances.SingleAsync(i => i.BusinessKey == number);
        Assert.Equal("chair@demo.az", instance.StartedBy);
        Assert.Equal(ProcessInstanceStatus.Running, instance.Status);
        var saved = await db.Cases.SingleAsync(c => c.Number == number);
        Assert.Equal(CaseStatus.Open, saved.Status);
        Assert.Equal(instance.Id, saved.ProcessInstanceId);
        var variables = JsonDocument.Parse(instance.StateJson).RootElement.GetProperty("Variables");
        Assert.Equal(9, variables.GetProperty("victimAge").GetInt32());
        Assert.Equal(number, variables.GetProperty("caseNumber").GetString());
        var facts = await db.VictimFacts.Where(f => f.CaseId == saved.Id).ToListAsync();
        Assert.Equal(2, facts.Count);
        Assert.All(facts, f => Assert.Equal(instance.Id, f.ProcessInstanceId));
        var task = await db.UserTasks.SingleAsync(t => t.InstanceId == instance.Id && t.Status == UserTaskStatus.Open);
        Assert.Equal(("Task_RiskScreening", "SocialProtection"), (task.ElementId, task.Agency));
        using var social = await site.SignedInAsync("social@demo.az");
        Assert.Contains(number, await social.GetPageAsync("/inbox"));
        var after = await chair.GetPageAsync($"/cases/{number}");
        Assert.DoesNotContain(NoStart, after);
        Assert.Contains("chair@demo.az", after);
    }

    [Fact]
    public async Task StartLater_TwoAtOnce_StartsOneInstance_AndTellsTheOtherItHasStarted()
    {
        await using var site = new RestartSite();
        var number = await site.RecordUnstartedCaseAsync();
        await site.PublishReferralAsync();
        using var chair = await site.SignedInAsync("chair@demo.az");
        using var admin = await site.SignedInAsync("admin@demo.az");

        var answers = await Task.WhenAll(RestartSite.PostStartAsync(chair, number), RestartSite.PostStartAsync(admin, number));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        await using var db = site.Database();
        var instance = await db.ProcessInstances.SingleAsync(i => i.BusinessKey == number);
        Assert.Equal(instance.Id, (await db.Cases.SingleAsync(c => c.Number == number)).ProcessInstanceId);
    }

    [Fact]
    public async Task StartLater_WhenItFailsAgain_LeavesTheCaseAsItWas_AndSaysWhy()
    {
        await using var site = new RestartSite();
        var number = await site.RecordUnstartedCaseAsync();
        using var chair = await site.SignedInAsync("chair@demo.az");

        var api = await RestartSite.PostStartAsync(chair, number);
        var page = await chair.PostFormAsync($"/cases/{number}", NoFields, $"/cases/{number}?handler=StartReferral");
        var shown = await chair.GetPageAsync($"/cases/{number}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
        Assert.Contains("has no published version", await api.Content.ReadAsStringAsync());
        Assert.Equal($"/cases/{number}", SiteClient.RedirectPath(page));
        Assert.Contains("has no published version", shown);
        Assert.Contains(NoStart, shown);
        await using var db = site.Database();
        var saved = await db.Cases.SingleAsync(c => c.Number == number);
        Assert.Equal((CaseStatus.ProcessNotStarted, (long?)null), (saved.Status, saved.ProcessInstanceId));
        Assert.False(await db.ProcessInstances.AnyAsync(i => i.BusinessKey == number));
        Assert.All(await db.VictimFacts.Where(f => f.CaseId == saved.Id).ToListAsync(), f => Assert.Null(f.ProcessInstanceId));
    }

    [Theory]
    [InlineData("registrar@demo.az", HttpStatusCode.Forbidden)]
    [InlineData("secretary@demo.az", HttpStatusCode.Forbidden)]
    [InlineData("social@demo.az", HttpStatusCode.NotFound)]
    [InlineData("police@demo.az", HttpStatusCode.NotFound)]
    [InlineData("analyst@demo.az", HttpStatusCode.NotFound)]
    public async Task StartLater_SomeoneElse_IsRefused_AndNothingStarts(string email, HttpStatusCode expected)
    {
        await using var site = new RestartSite();
        var number = await site.RecordUnstartedCaseAsync();
        await site.PublishReferralAsync();
        using var user = await site.SignedInAsync(email);

        var api = await RestartSite.PostStartAsync(user, number);

        Assert.Equal(expected, api.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            var page = await user.GetPageAsync($"/cases/{number}");
            Assert.Contains(NoStart, page);
            Assert.DoesNotContain(StartButton, page);
            var post = await user.PostFormAsync($"/cases/{number}", NoFields, $"/cases/{number}?handler=StartReferral");
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
        await using var db = site.Database();
        Assert.False(await db.ProcessInstances.AnyAsync(i => i.BusinessKey == number));
        Assert.Equal(CaseStatus.ProcessNotStarted, (await db.Cases.SingleAsync(c => c.Number == number)).Status);
    }

    [Fact]
    public async Task StartLater_TheChairOfAnotherDistrict_IsAnsweredAsForNoSuchCase()
    {
        await using var site = new RestartSite();
        var number = await site.RecordUnstartedCaseAsync();
        await site.PublishReferralAsync();
        using var other = await site.ChairOfAnotherDistrictAsync();

        var api = await RestartSite.PostStartAsync(other, number);
        var incidents = await other.GetPageAsync("/incidents");

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain(number, incidents);
        await using var db = site.Database();
        Assert.False(await db.ProcessInstances.AnyAsync(i => i.BusinessKey == number));
    }

    [Fact]
    public async Task Lists_ShowTheCase_UntilAnAdministratorStartsItFromTheIncidentsPage()
    {
        await using var site = new RestartSite();
        var number = await site.RecordUnstartedCaseAsync();
        using var chair = await site.SignedInAsync("chair@demo.az");
        using var admin = await site.SignedInAsync("admin@demo.az");
        Assert.Contains(number, await chair.GetPageAsync("/cases?status=notStarted"));
        Assert.Contains($"data-case=\"{number}\"", await chair.GetPageAsync("/incidents"));
        Assert.Contains($"data-case=\"{number}\"", await admin.GetPageAsync("/incidents"));
        await site.PublishReferralAsync();

        var response = await admin.PostFormAsync("/incidents", NoFields, $"/incidents?handler=StartReferral&number={number}");

        Assert.Equal("/incidents", SiteClient.RedirectPath(response));
        var incidents = await admin.GetPageAsync("/incidents");
        Assert.DoesNotContain($"data-case=\"{number}\"", incidents);
        Assert.DoesNotContain(number, await chair.GetPageAsync("/cases?status=notStarted"));
        Assert.Contains(number, await chair.GetPageAsync("/cases?status=open"));
        await using var db = site.Database();
        Assert.Equal("admin@demo.az", (await db.ProcessInstances.SingleAsync(i => i.BusinessKey == number)).StartedBy);
    }

    [Fact]
    public async Task StartLater_AfterACrashBetweenTheStartAndTheCase_LinksTheInstanceRatherThanStartingAnother()
    {
        await using var site = new IntakeSite();
        using (var registrar = await site.SignedInAsync("registrar@demo.az"))
            await registrar.PostFormAsync(Reports.NewCase, Reports.Valid());
        string number;
        await using (var db = site.Database())
        {
            // What a crash after the runner's start and before the case's update leaves: a case without its instance.
            var crashed = await db.Cases.SingleAsync();
            number = crashed.Number;
            (crashed.ProcessInstanceId, crashed.CreatedAt) = (null, crashed.CreatedAt.AddHours(-1));
            await db.SaveChangesAsync();
            await db.VictimFacts.ExecuteUpdateAsync(s => s.SetProperty(f => f.ProcessInstanceId, (long?)null));
        }
        using var chair = await site.SignedInAsync("chair@demo.az");
        Assert.Contains(NoStart, await chair.GetPageAsync($"/cases/{number}"));

        var response = await RestartSite.PostStartAsync(chair, number);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var check = site.Database();
        var instance = await check.ProcessInstances.SingleAsync(i => i.BusinessKey == number);
        var saved = await check.Cases.SingleAsync();
        Assert.Equal((CaseStatus.Open, (long?)instance.Id), (saved.Status, saved.ProcessInstanceId));
        Assert.All(await check.VictimFacts.ToListAsync(), f => Assert.Equal(instance.Id, f.ProcessInstanceId));
    }

    [Fact]
    public async Task OpenApi_DescribesTheStartEndpoint()
    {
        await using var site = new RestartSite();
        using var chair = await site.SignedInAsync("chair@demo.az");

        var document = await chair.Http.GetStringAsync("/openapi/v1.json");

        var path = JsonDocument.Parse(document).RootElement.GetProperty("paths").GetProperty("/api/cases/{number}/referral");
        Assert.Contains("Starts the referral process", path.GetProperty("post").GetProperty("summary").GetString());
    }
}
