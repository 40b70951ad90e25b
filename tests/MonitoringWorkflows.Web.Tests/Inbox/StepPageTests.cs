using System.Net;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Inbox.Support;

namespace MonitoringWorkflows.Web.Tests.Inbox;

public sealed class StepPageTests
{
    [Fact]
    public async Task Step_WithConsent_ShowsTheReporterAndTheNarrative_WithTheCaseContextAndTheForm()
    {
        await using var site = new InboxSite();
        var number = await site.RecordCaseAsync(consent: true, narrative: "Shouting every night.");
        var step = await site.OpenStepAsync(number, "Task_RiskScreening");
        using var social = await site.SignedInAsync("social@demo.az");

        var page = await social.GetPageAsync($"/inbox/{step.Id}");

        Assert.Equal(number, SiteClient.TestId(page, "case-number"));
        Assert.Contains("Aysel Məmmədova", SiteClient.TestId(page, "reporter"));
        Assert.Equal("Shouting every night.", SiteClient.TestId(page, "narrative"));
        Assert.Equal("Hələ qiymətləndirilməyib", SiteClient.TestId(page, "risk"));
        Assert.Contains("34", page);
        Assert.Contains("id=\"task-form-schema\"", page);
        Assert.Contains("\"riskIndicators\"", page);
        Assert.Contains("/dist/task-form.js", page);
        Assert.Contains("JavaScript", SiteClient.TestId(page, "needs-script"));
    }

    [Fact]
    public async Task Step_WithoutConsent_LeavesOutTheReporterAndTheNarrative()
    {
        await using var site = new InboxSite();
        var number = await site.RecordCaseAsync(consent: false, narrative: "Private account of events.");
        var step = await site.OpenStepAsync(number, "Task_RiskScreening");
        using var social = await site.SignedInAsync("social@demo.az");

        var page = await social.GetPageAsync($"/inbox/{step.Id}");
        var api = await (await social.Http.GetAsync($"/api/tasks/{step.Id}")).JsonAsync();

        Assert.DoesNotContain("Aysel", page);
        Assert.DoesNotContain("Private account", page);
        Assert.DoesNotContain("+994", page);
        Assert.Null(api["case"]!["reporter"]);
        Assert.Null(api["case"]!["narrative"]);
        Assert.Equal(34, api["case"]!["victims"]![0]!["age"]!.GetValue<int>());
    }

    [Fact]
    public async Task Step_OpenedOnThePageAndThroughTheApi_IsRecordedAsAViewOfTheCase()
    {
        await using var site = new InboxSite();
        var number = await site.RecordCaseAsync();
        var step = await site.OpenStepAsync(number, "Task_RiskScreening");
        using var social = await site.SignedInAsync("social@demo.az");

        Assert.Equal(HttpStatusCode.OK, (await social.GetAsync($"/inbox/{step.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await social.GetAsync($"/api/tasks/{step.Id}")).StatusCode);

        await using var db = site.Database();
        var views = await db.CaseViews.Where(v => v.CaseNumber == number).OrderBy(v => v.Id).ToListAsync();
        Assert.Equal(["task page", "api"], views.Select(v => v.Via));
        Assert.All(views, v => Assert.Equal("social@demo.az", v.UserName));
    }

    [Fact]
    public async Task Step_Done_ShowsWhatWasSubmitted_AndNoForm()
    {
        await using var site = new InboxSite();
        var number = await site.RecordCaseAsync();
        await site.ScreenAsMediumAsync(number, "Police");
        var screening = await FirstDoneAsync(site, number);
        using var social = await site.SignedInAsync("social@demo.az");

        var page = await social.GetPageAsync($"/inbox/{screening}");

        Assert.Contains("<dt>Reason for raising the level</dt><dd>Repeated threats.</dd>", page);
        Assert.Contains("data-testid=\"submitted\"", page);
        Assert.DoesNotContain("task-form-schema", page);
    }

    [Fact]
    public async Task Step_Referral_ShowsTheScreenedRisk_AndNoEmptyInputList()
    {
        await using var site = new InboxSite();
        var number = await site.RecordCaseAsync();
        await site.ScreenAsMediumAsync(number, "Police");
        var referral = await site.OpenStepAsync(number, "Task_Referral", "Police");
        using var police = await site.SignedInAsync("police@demo.az");

        var page = await police.GetPageAsync($"/inbox/{referral.Id}");

        // The referral's agency is the multi-instance element, not an input mapping: the step has no input to list.
        Assert.Null(referral.InputJson);
        Assert.DoesNotContain("data-testid=\"step-input\"", page);
        Assert.Equal("Orta", SiteClient.TestId(page, "risk"));
    }

    private static async Task<long> FirstDoneAsync(InboxSite site, string number)
    {
        await using var db = site.Database();
        return await db.UserTasks.Where(t => t.Instance!.BusinessKey == number && t.ElementId == "Task_RiskScreening")
            .Select(t => t.Id).SingleAsync();
    }
}
