using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MonitoringWorkflows.Browser.Tests.Support;

/// <summary>/inbox: the open steps of the member's agency (Inbox/Index.cshtml), one row per step.</summary>
public sealed partial class InboxPage(IPage page)
{
    public const string Path = "/inbox";

    /// <summary>The confirmation after a step was completed.</summary>
    public ILocator Outcome => page.GetByTestId("outcome");

    /// <summary>The row of the case's step at <paramref name="elementId"/>.</summary>
    public ILocator Step(string caseNumber, string elementId) =>
        page.Locator($"tr[data-case='{caseNumber}'][data-element='{elementId}']");

    public async Task GotoAsync() => await page.GotoAsync(Path);

    /// <summary>Opens the case's step from its row and waits for its form.</summary>
    public async Task<StepPage> OpenAsync(string caseNumber, string elementId, StepForm form)
    {
        await Step(caseNumber, elementId).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(StepPath());
        var step = new StepPage(page, form);
        await Expect(step.CaseNumber).ToHaveTextAsync(caseNumber);
        await step.WaitForFormAsync();
        return step;
    }

    [GeneratedRegex(@"/inbox/\d+$")]
    private static partial Regex StepPath();
}
