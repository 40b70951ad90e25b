using Microsoft.Playwright;
using MonitoringWorkflows.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace MonitoringWorkflows.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class MonitoringTests(BrowserSite site)
{
    /// <summary>
    /// The chair's two live views draw in a real browser: the dashboard's chart of months (chart.js) and the process
    /// monitor's counts on the diagram (bpmn-js overlays), whose red count at the risk screening lists the new case.
    /// </summary>
    [Fact]
    public async Task NewCase_IsCountedOnTheDashboardChart_AndListedFromItsElementOnTheProcessMonitor()
    {
        await using var scenario = site.Scenario();
        await scenario.RunAsync(async () =>
        {
            var registrar = await scenario.SignedInAsync(DemoLogins.Registrar);
            var number = await (await new NewCasePage(registrar.Page).RecordAsync(new Report())).ReadCaseNumberAsync();
            var chair = await scenario.SignedInAsync(DemoLogins.Chair);

            await chair.Page.GotoAsync("/monitoring");
            await Expect(chair.Page.Locator("#months-chart")).ToHaveAttributeAsync("data-ready", "true");
            await Expect(chair.Page.GetByTestId("months").Locator("tbody tr").Last.Locator("td").First).Not.ToHaveTextAsync("0");

            await chair.Page.GotoAsync("/monitoring/processes/violenceReportReferral/1");
            var monitor = chair.Page.Locator("#process-monitor");
            await Expect(monitor).ToHaveAttributeAsync("data-ready", "true");
            await Expect(monitor).ToHaveAttributeAsync("data-current", new System.Text.RegularExpressions.Regex("Task_RiskScreening=[1-9]"));
            await chair.Page.Locator("[data-container-id='Task_RiskScreening'] .monitor-count.now").ClickAsync();
            await Expect(chair.Page.Locator("#monitor-cases")).ToHaveAttributeAsync("data-element", "Task_RiskScreening");
            await Expect(chair.Page.Locator($"#monitor-cases a[href='/cases/{number}']")).ToBeVisibleAsync();
        });
    }
}
