using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MonitoringWorkflows.Browser.Tests.Support;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using static Microsoft.Playwright.Assertions;

namespace MonitoringWorkflows.Browser.Tests;

/// <summary>The designer's version diff and test run pages in a real browser: what their scripts draw and do.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VersionToolsTests(BrowserSite site)
{
    private const string Administrator = "admin@demo.az";

    /// <summary>The referral process under a key of its own, so publishing versions of it leaves the other tests' referral alone.</summary>
    private const string Key = "browserVersionsDemo";

    [Fact]
    public async Task DiffPage_MarksTheChangedStepOnBothVersions_AndTheTestRunPageStepsThroughTheProcess()
    {
        await using var scenario = site.Scenario();
        await scenario.RunAsync(async () =>
        {
            var referral = File.ReadAllText(Path.Combine(Repository.WorkflowsFolder, "violence-report-referral.bpmn")).Replace("violenceReportReferral", Key);
            await PublishAsync(referral);
            await PublishAsync(referral.Replace("""name="Risk screening" mw:agency="SocialProtection" """, """name="Risk screening" mw:agency="Health" """));
            var admin = await scenario.SignedInAsync(Administrator);

            await admin.Page.GotoAsync($"/designer/processes/{Key}/versions");
            await admin.Page.Locator("[data-testid=compare] button").ClickAsync();
            var diff = admin.Page.Locator("#version-diff");
            await Expect(diff).ToHaveAttributeAsync("data-ready", "true");
            await Expect(diff).ToHaveAttributeAsync("data-changed", "Task_RiskScreening");
            foreach (var side in new[] { "from", "to" })
                await Expect(diff.Locator($"[data-side={side}] .djs-element[data-element-id=Task_RiskScreening]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("diff-changed"));

            await admin.Page.GotoAsync($"/designer/test-run?process={Key}");
            await admin.Page.Locator("[data-part=variables]").FillAsync("""{ "caseNumber": "TRY-1", "victimAge": 30 }""");
            await admin.Page.Locator("[data-action=start]").ClickAsync();
            var run = admin.Page.Locator("#test-run");
            await Expect(run).ToHaveAttributeAsync("data-current", "Task_RiskScreening");
            var screening = run.Locator("li[data-element=Task_RiskScreening]");
            await Expect(screening).ToContainTextAsync("Health");
            await Expect(screening.Locator(".task-form .fjs-form")).ToBeVisibleAsync();
            await screening.Locator("details summary").ClickAsync();
            await screening.Locator(".task-json textarea").FillAsync("""{ "professionalJudgement": "none" }""");
            await screening.Locator(".task-json button").ClickAsync();
            await Expect(run).ToHaveAttributeAsync("data-current", "Task_SocialFollowUp");
            await Expect(run.Locator(".djs-element.current[data-element-id=Task_SocialFollowUp]")).ToHaveCountAsync(1);
            await Expect(run.Locator(".djs-element.passed[data-element-id=Task_RiskScreening]")).ToHaveCountAsync(1);

            // The designer's hand-off of an unpublished draft: the XML in this tab's sessionStorage.
            var draft = referral.Replace("""name="Risk screening" mw:agency="SocialProtection" """, """name="Risk screening" mw:agency="Police" """);
            await admin.Page.EvaluateAsync("([xml, key]) => { sessionStorage.setItem('mw.testRun.xml', xml); sessionStorage.setItem('mw.testRun.processKey', key); }",
                new[] { draft, Key });
            await admin.Page.GotoAsync("/designer/test-run?draft=session");
            await admin.Page.Locator("[data-action=start]").ClickAsync();
            await Expect(run.Locator("li[data-element=Task_RiskScreening]")).ToContainTextAsync("Police");
        });
    }

    private async Task PublishAsync(string xml)
    {
        await using var db = site.Database();
        var version = db.ProcessDefinitions.Where(d => d.Key == Key).Select(d => (int?)d.Version).Max() ?? 0;
        db.ProcessDefinitions.Add(new ProcessDefinitionRecord
        {
            Key = Key, Version = version + 1, Status = DefinitionStatus.Published, Name = Key, BpmnXml = xml,
            CreatedBy = Administrator, CreatedAt = DateTimeOffset.UtcNow, PublishedBy = Administrator, PublishedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        site.Services.GetRequiredService<PublishedVersions>().Invalidate(Key);
    }
}
