using System.Net;
using MonitoringWorkflows.Web.Access;
using MonitoringWorkflows.Web.Tests.Identity.Support;

namespace MonitoringWorkflows.Web.Tests.CasePages;

public sealed class CasePageTests
{
    [Fact]
    public async Task Chair_OpensCase_SeesSummaryReportStepsTimelineAndDiagramHook_AndTheViewIsRecorded()
    {
        await using var site = new CaseSite();
        var number = await site.RecordAsync();
        var chair = await site.SignedInAsync("chair@demo.az");

        var html = await chair.GetPageAsync($"/cases/{number}");

        Assert.Equal(number, SiteClient.TestId(html, "case-number"));
        Assert.Contains("Riskin qiymətləndirilməsi", SiteClient.TestId(html, "case-stage")); // the step name in the default language
        Assert.Contains("Neighbour heard shouting.", html);
        Assert.Contains("Aysel Məmmədova", html);
        Assert.Contains("data-step=\"Task_RiskScreening\" data-status=\"Open\"", html);
        Assert.Contains("data-kind=\"InstanceStarted\"", html);
        Assert.Contains($"data-api=\"/api/cases/{number}/diagram\"", html);
        Assert.Contains("/dist/case-diagram.js", html);
        Assert.Equal(1, await site.ViewsAsync(number, "chair@demo.az", CaseViewChannels.CasePage));
    }

    [Fact]
    public async Task ClaimedStep_ShowsWhoHoldsItByName_NotByTheirUserId()
    {
        await using var site = new CaseSite();
        var number = await site.RecordAsync();
        var social = await site.SignedInAsync("social@demo.az");
        var step = await site.OpenStepAsync(number, "Task_RiskScreening");
        var claimed = await CaseSite.PostJsonAsync(social, $"/api/tasks/{step.Id}/claim", new { });
        var chair = await site.SignedInAsync("chair@demo.az");
        await using var db = site.Database();
        var holder = db.Users.Single(u => u.Email == "social@demo.az");

        var html = await chair.GetPageAsync($"/cases/{number}");

        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.Contains($">{holder.DisplayName}</td>", html);
        Assert.DoesNotContain(holder.Id, html);
    }

    [Fact]
    public async Task CaseOfAnotherDistrict_IsAnsweredExactlyLikeANonexistentCase()
    {
        await using var site = new CaseSite();
        var other = await site.RegistrarOfAnotherDistrictAsync();
        var recorded = await other.PostFormAsync(Cases.Support.Reports.NewCase, Cases.Support.Reports.Valid());
        var number = SiteClient.RedirectPath(recorded)!.Split('/')[2];
        Assert.StartsWith("OTHER-", number);
        var chair = await site.SignedInAsync("chair@demo.az");

        var hidden = await chair.GetAsync($"/cases/{number}");
        var missing = await chair.GetAsync("/cases/OTHER-2026-9999");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(missing.StatusCode, hidden.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync(), await hidden.Content.ReadAsStringAsync());
        var apiHidden = await chair.GetAsync($"/api/cases/{number}");
        var apiMissing = await chair.GetAsync("/api/cases/OTHER-2026-9999");
        Assert.Equal(HttpStatusCode.NotFound, apiHidden.StatusCode);
        Assert.Equal(WithoutTrace(await apiMissing.Content.ReadAsStringAsync()), WithoutTrace(await apiHidden.Content.ReadAsStringAsync()));
        Assert.Equal(0, await site.ViewsAsync(number, "chair@demo.az", CaseViewChannels.CasePage));
    }

    [Fact]
    public async Task Police_SeeTheCaseOnlyOnceAPoliceStepExists_AndNoNarrativeWithoutConsent()
    {
        await using var site = new CaseSite();
        var number = await site.RecordAsync(consent: false, narrative: "Secret narrative text.");
        var police = await site.SignedInAsync("police@demo.az");
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/cases/{number}")).StatusCode);

        await site.ScreenAsync(number, "Police");
        var html = await police.GetPageAsync($"/cases/{number}");

        Assert.Equal(number, SiteClient.TestId(html, "case-number"));
        Assert.DoesNotContain("Secret narrative text.", html);
        Assert.DoesNotContain("Aysel Məmmədova", html);
        Assert.Contains("data-testid=\"report-restricted\"", html);
        Assert.Contains("data-step=\"Task_Referral\"", html);
        // Only the police's own steps: the social protection centre's screening is not listed.
        Assert.DoesNotContain("data-step=\"Task_RiskScreening\"", html);
        // The timeline likewise: the milestones and the police's own step, not the screening.
        Assert.Contains("data-kind=\"InstanceStarted\"", html);
        Assert.Contains("data-element=\"Task_Referral\"", html);
        Assert.DoesNotContain("data-element=\"Task_RiskScreening\"", html);
        Assert.Contains("data-risk=\"medium\"", html);
    }

    [Fact]
    public async Task Police_WithConsent_SeeTheNarrativeAndTheReporter()
    {
        await using var site = new CaseSite();
        var number = await site.RecordAsync(consent: true, narrative: "Shared narrative text.");
        await site.ScreenAsync(number, "Police");
        var police = await site.SignedInAsync("police@demo.az");

        var html = await police.GetPageAsync($"/cases/{number}");

        Assert.Equal("Shared narrative text.", SiteClient.TestId(html, "report-narrative"));
        Assert.Contains("Aysel Məmmədova", html);
    }

    [Theory]
    [InlineData("analyst@demo.az")]
    [InlineData("admin@demo.az")]
    [InlineData("education@demo.az")]
    public async Task UsersWithoutNeedToKnow_Get404OnThePageAndTheApi(string email)
    {
        await using var site = new CaseSite();
        var number = await site.RecordAsync();
        var client = await site.SignedInAsync(email);

        foreach (var path in new[] { $"/cases/{number}", $"/api/cases/{number}", $"/api/cases/{number}/journal", $"/api/cases/{number}/diagram" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(0, await site.ViewsAsync(number, email, CaseViewChannels.CasePage));
    }

    [Fact]
    public async Task RegistrarWhoRecordedIt_SeesTheReportAndStatus_ButNoStepsOrTimeline()
    {
        await using var site = new CaseSite();
        var number = await site.RecordAsync(narrative: "Recorded narrative.");
        var registrar = await site.SignedInAsync(CaseSite.Registrar);

        var html = await registrar.GetPageAsync($"/cases/{number}");

        Assert.Equal("Recorded narrative.", SiteClient.TestId(html, "report-narrative"));
        Assert.DoesNotContain("data-testid=\"case-timeline\"", html);
        Assert.DoesNotContain("case-diagram.js", html);
    }

    [Fact]
    public async Task ScriptTypedIntoTheReport_IsShownEscaped()
    {
        await using var site = new CaseSite();
        var number = await site.RecordAsync(narrative: "<script>alert('x')</script>");
        var chair = await site.SignedInAsync("chair@demo.az");

        var raw = await (await chair.GetAsync($"/cases/{number}")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert", raw);
        Assert.Contains("&lt;script&gt;", raw);
    }

    /// <summary>A problem document without its trace id, which differs per request by design.</summary>
    private static string WithoutTrace(string json)
    {
        var problem = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        Assert.True(problem.Remove("traceId"));
        return problem.ToJsonString();
    }
}
