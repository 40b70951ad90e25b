using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Browser.Tests.Support;
using MonitoringWorkflows.Web.Persistence.Records;
using static Microsoft.Playwright.Assertions;

namespace MonitoringWorkflows.Browser.Tests;

/// <summary>
/// The referral as the people of a monitoring group live it, in a real browser: a registrar records a report, the
/// agencies work their steps in the inbox, the chair follows the case on its diagram.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReferralScenarioTests(BrowserSite site)
{
    private readonly CaseSteps steps = new(site);

    [Fact]
    public async Task Report_RecordedByARegistrarInTheBrowser_ShowsItsCaseNumber_AndStartsTheReferral()
    {
        await using var scenario = site.Scenario();
        await scenario.RunAsync(async () =>
        {
            var report = new Report();
            var registrar = await scenario.SignedInAsync(DemoLogins.Registrar);

            var registered = await new NewCasePage(registrar.Page).RecordAsync(report);

            await Expect(registered.CaseNumber).ToHaveTextAsync(CaseNumberPattern());
            await Expect(registered.Narrative).ToHaveTextAsync(report.Narrative);
            // The process's first step, risk screening, went to the Social Protection Centre.
            await Expect(registered.OpenSteps).ToHaveCountAsync(1);
            await Expect(registered.OpenSteps).ToHaveAttributeAsync("data-agency", "SocialProtection");
            var number = await registered.ReadCaseNumberAsync();
            Assert.EndsWith($"/cases/{number}/registered", registrar.Page.Url);
            await AssertCaseRecordedWithRunningReferralAsync(number, report);
        });
    }

    /// <summary>
    /// The issue's scenario, all in the browser: the registrar records a report; the Social Protection Centre screens it
    /// in its inbox at medium risk, referring to the police; the chair sees the case wait at the police referral; the
    /// police member accepts the referral in their inbox; the chair sees the case moved on to closure approval.
    /// </summary>
    [Fact]
    public async Task Referral_ScreenedAtMediumRiskAndAcceptedByThePoliceInTheInbox_MovesOnToClosureApprovalOnTheChairsDiagram()
    {
        await using var scenario = site.Scenario();
        await scenario.RunAsync(async () =>
        {
            var registrar = await scenario.SignedInAsync(DemoLogins.Registrar);
            var number = await (await new NewCasePage(registrar.Page).RecordAsync(new Report())).ReadCaseNumberAsync();

            await ScreenInTheInboxAsync(await scenario.SignedInAsync(DemoLogins.SocialProtection), number);

            var chair = await scenario.SignedInAsync(DemoLogins.Chair);
            var casePage = new CasePage(chair.Page);
            await casePage.GotoAsync(number);
            await Expect(chair.Page.GetByTestId("case-risk")).ToHaveAttributeAsync("data-risk", "medium");
            await casePage.ExpectMarkedAsync("Task_Referral", "current");
            await casePage.ExpectMarkedAsync("Task_RiskScreening", "passed");
            await casePage.ExpectNotMarkedAsync("Task_ClosureApproval", "current");

            await AcceptReferralInTheInboxAsync(await scenario.SignedInAsync(DemoLogins.Police), number);

            await casePage.GotoAsync(number);
            await casePage.ExpectMarkedAsync("Task_ClosureApproval", "current");
            await casePage.ExpectMarkedAsync("Task_RiskScreening", "passed");
            await casePage.ExpectMarkedAsync("Task_Referral", "passed");
            await casePage.ExpectNotMarkedAsync("Task_Referral", "current");
            await casePage.ExpectMarkedAsync("Flow_ReferralsDone", "taken");
            await Expect(casePage.Completed("Task_Referral").Filter(new() { HasText = DemoLogins.Police }).First).ToBeVisibleAsync();

            var open = Assert.Single(await steps.OpenAsync(number));
            Assert.Equal(("Task_ClosureApproval", "Chair"), (open.ElementId, open.Role));
        });
    }

    /// <summary>The seven medium-risk answers, no raise by professional judgement, a referral to the police, consent.</summary>
    private static async Task ScreenInTheInboxAsync(BrowserUser social, string number)
    {
        var inbox = new InboxPage(social.Page);
        await inbox.GotoAsync();
        var form = StepForm.Load("risk-screening");
        var screening = await inbox.OpenAsync(number, "Task_RiskScreening", form);
        foreach (var indicator in Screening.MediumRiskIndicators) await screening.TickAsync("riskIndicators", indicator);
        await Expect(screening.SelectDisplay("professionalJudgement")).ToHaveTextAsync(form.OptionLabel("professionalJudgement", "none"));
        await screening.TickAsync("referralAgencies", "Police");
        await screening.CheckAsync("consentToShare");
        await screening.SubmitAsync(number);
    }

    private static async Task AcceptReferralInTheInboxAsync(BrowserUser police, string number)
    {
        var inbox = new InboxPage(police.Page);
        await inbox.GotoAsync();
        await Expect(inbox.Step(number, "Task_Referral")).ToBeVisibleAsync();
        var referral = await inbox.OpenAsync(number, "Task_Referral", StepForm.Load("referral-response"));
        await referral.ChooseAsync("referralStatus", "accepted");
        await referral.SubmitAsync(number);
    }

    private async Task AssertCaseRecordedWithRunningReferralAsync(string number, Report report)
    {
        await using var db = site.Database();
        var saved = await db.Cases.SingleAsync(c => c.Number == number);
        Assert.Equal(DemoLogins.Registrar, saved.CreatedBy);
        var stored = JsonDocument.Parse(saved.ReportJson).RootElement;
        // The three blank victim rows of the form are not part of the report.
        var victim = Assert.Single(stored.GetProperty("victims").EnumerateArray().ToList());
        Assert.Equal("11", victim.GetProperty("age").GetString());
        Assert.Equal(report.ViolenceTypes, stored.GetProperty("violenceTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(report.ReporterName, stored.GetProperty("reporterName").GetString());

        var instance = await db.ProcessInstances.SingleAsync(i => i.Id == saved.ProcessInstanceId);
        Assert.Equal(number, instance.BusinessKey);
        Assert.Equal(ProcessInstanceStatus.Running, instance.Status);
        var step = Assert.Single(await steps.OpenAsync(number));
        Assert.Equal(("Task_RiskScreening", "SocialProtection"), (step.ElementId, step.Agency));
    }

    [GeneratedRegex(@"^DEMO-\d{4}-\d{4}$")]
    private static partial Regex CaseNumberPattern();
}
