using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MonitoringWorkflows.Browser.Tests.Support;
using MonitoringWorkflows.Web.Persistence.Records;
using static Microsoft.Playwright.Assertions;

namespace MonitoringWorkflows.Browser.Tests;

/// <summary>
/// The referral as the people of a monitoring group live it, in a real browser: a registrar records a report, the
/// agencies work their steps in the inbox, the chair follows the case on its diagram. The inbox and case pages are
/// still being built; this covers the registrar's part and the case it leaves behind.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReferralScenarioTests(BrowserSite site)
{
    [Fact]
    public async Task Referral_RegistrarRecordsAReportInTheBrowser_SeesTheCaseNumber_AndTheCaseRunsItsReferral()
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
        var step = await db.UserTasks.SingleAsync(t => t.InstanceId == instance.Id && t.Status == UserTaskStatus.Open);
        Assert.Equal(("Task_RiskScreening", "SocialProtection"), (step.ElementId, step.Agency));
    }

    [GeneratedRegex(@"^DEMO-\d{4}-\d{4}$")]
    private static partial Regex CaseNumberPattern();
}
