using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Designer.Drafts;
using MonitoringWorkflows.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace MonitoringWorkflows.Browser.Tests;

/// <summary>Issue 4's acceptance in a real browser: an administrator changes the referral in the designer and publishes it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DesignerScenarioTests(BrowserSite site)
{
    private const string Referral = "violenceReportReferral";
    private const string Health = "health@demo.az";
    private const string Administrator = "admin@demo.az";

    private readonly CaseSteps steps = new(site);

    /// <summary>
    /// The administrator drags a user task from the palette onto the flow after risk screening (which connects it),
    /// gives it to Health with a form in the properties panel, and publishes; a case registered afterwards reaches
    /// that Health step in the Health inbox, a case registered before stays on its version; the host never restarts.
    /// </summary>
    [Fact]
    public async Task HealthStep_AddedAfterRiskScreeningAndPublished_ReachesTheHealthInboxOfNewCases_WhileEarlierCasesKeepTheirVersion()
    {
        await using var scenario = site.Scenario();
        var before = await PublishedVersionAsync();
        try
        {
            await ChangeAndPublishAsync(scenario, before);
        }
        finally
        {
            await RepublishAsync(before);
        }
    }

    private async Task ChangeAndPublishAsync(BrowserScenario scenario, int before)
    {
        await scenario.RunAsync(async () =>
        {
            var registrar = await scenario.SignedInAsync(DemoLogins.Registrar);
            var earlier = await (await new NewCasePage(registrar.Page).RecordAsync(new Report())).ReadCaseNumberAsync();

            var admin = await scenario.SignedInAsync(Administrator);
            var designer = new ProcessDesignerPage(admin.Page);
            await designer.OpenFromListAsync(Referral);
            await designer.DragOntoFlowAsync("create.user-task", "Flow_ToScoring");
            var healthStep = await designer.SelectedIdAsync();
            var (from, to) = await designer.NeighboursAsync(healthStep);
            Assert.Equal(["Task_RiskScreening"], from);
            Assert.Equal(["Task_ScoreRisk"], to);
            await designer.NameAsync("Health check");
            await designer.OpenGroupAsync("mw-assignment");
            await designer.ChooseAsync("mw-assignee", "Health");
            await designer.ChooseAsync("mw-form", "agency-information");
            await designer.ExpectSavedAsync();
            await designer.PublishAsync();
            await Expect(designer.PublishedVersion).ToHaveTextAsync((before + 1).ToString());
            await Expect(designer.Status).ToHaveAttributeAsync("data-kind", "ok");

            var later = await (await new NewCasePage(registrar.Page).RecordAsync(new Report())).ReadCaseNumberAsync();
            var social = await scenario.SignedInAsync(DemoLogins.SocialProtection);
            await ScreenAsync(social, later);
            await ScreenAsync(social, earlier);

            var health = await scenario.SignedInAsync(Health);
            var inbox = new InboxPage(health.Page);
            await inbox.GotoAsync();
            await Expect(inbox.Step(later, healthStep)).ToBeVisibleAsync();
            await Expect(inbox.Step(earlier, healthStep)).ToHaveCountAsync(0);
            Assert.Equal((before, before + 1), (await VersionOfCaseAsync(earlier), await VersionOfCaseAsync(later)));
            Assert.DoesNotContain(await steps.OpenAsync(earlier), s => s.ElementId == healthStep);
        });
    }

    /// <summary>
    /// The other browser tests share this host and expect the shipped referral: its old content is published again
    /// (as a newer version, the way an administrator undoes a change).
    /// </summary>
    private async Task RepublishAsync(int version)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<DraftStore>();
        var current = await drafts.GetAsync(DefinitionKind.Process, Referral, CancellationToken.None);
        var restored = await drafts.RestoreAsync(DefinitionKind.Process, Referral, version, Administrator, current!.IsDraft ? current.Revision : 0, CancellationToken.None);
        var published = await drafts.PublishAsync(DefinitionKind.Process, Referral, restored.Saved!.Revision, null, Administrator, CancellationToken.None);
        Assert.NotNull(published.PublishedVersion);
    }

    /// <summary>The Social Protection Centre's screening in its inbox, at medium risk with a referral to the police.</summary>
    private static async Task ScreenAsync(BrowserUser social, string number)
    {
        var inbox = new InboxPage(social.Page);
        await inbox.GotoAsync();
        var screening = await inbox.OpenAsync(number, "Task_RiskScreening", StepForm.Load("risk-screening"));
        foreach (var indicator in Screening.MediumRiskIndicators) await screening.TickAsync("riskIndicators", indicator);
        await screening.TickAsync("referralAgencies", "Police");
        await screening.CheckAsync("consentToShare");
        await screening.SubmitAsync(number);
    }

    private async Task<int> PublishedVersionAsync()
    {
        await using var db = site.Database();
        return await db.ProcessDefinitions.Where(d => d.Key == Referral && d.Status == Web.Persistence.Records.DefinitionStatus.Published)
            .MaxAsync(d => d.Version);
    }

    private async Task<int> VersionOfCaseAsync(string number)
    {
        await using var db = site.Database();
        return await db.ProcessInstances.Where(i => i.BusinessKey == number && i.ParentInstanceId == null)
            .Select(i => i.DefinitionVersion!.Version).SingleAsync();
    }
}
