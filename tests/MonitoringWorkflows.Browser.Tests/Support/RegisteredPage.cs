using Microsoft.Playwright;

namespace MonitoringWorkflows.Browser.Tests.Support;

/// <summary>/cases/{number}/registered: the confirmation after recording a report (Cases/Registered.cshtml).</summary>
public sealed class RegisteredPage(IPage page)
{
    public ILocator CaseNumber => page.GetByTestId("case-number");

    /// <summary>The steps the new case was sent to, one item each, with the agency code in <c>data-agency</c>.</summary>
    public ILocator OpenSteps => page.GetByTestId("open-steps").Locator("li");

    public ILocator Narrative => page.GetByTestId("narrative");

    public async Task<string> ReadCaseNumberAsync() => (await CaseNumber.InnerTextAsync()).Trim();
}
