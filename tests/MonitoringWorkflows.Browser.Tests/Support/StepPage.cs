using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MonitoringWorkflows.Browser.Tests.Support;

/// <summary>
/// /inbox/{id}: one step with its form drawn by form-js (Inbox/Step.cshtml, ClientApp/src/pages/task-form.js). Fields
/// are found as a person finds them, by the labels of <paramref name="form"/>; a form-js select is no native select,
/// so it is opened by its display and answered by clicking an option of its drop-down list.
/// </summary>
public sealed partial class StepPage(IPage page, StepForm form)
{
    public ILocator Name => page.GetByTestId("step-name");
    public ILocator CaseNumber => page.GetByTestId("case-number");
    public ILocator Submit => page.GetByTestId("task-form-submit");
    private ILocator Form => page.Locator("#task-form");

    /// <summary>Waits for form-js to draw the form: the page shows its send button only then.</summary>
    public async Task WaitForFormAsync() => await Expect(Submit).ToBeVisibleAsync();

    /// <summary>Ticks the option <paramref name="value"/> of the checklist <paramref name="key"/>.</summary>
    public async Task TickAsync(string key, string value) =>
        await Form.GetByLabel(form.OptionLabel(key, value), new() { Exact = true }).CheckAsync();

    /// <summary>Ticks the single checkbox <paramref name="key"/>.</summary>
    public async Task CheckAsync(string key) => await Form.GetByLabel(form.Label(key), new() { Exact = true }).CheckAsync();

    /// <summary>What a form-js select shows: the chosen option's label.</summary>
    public ILocator SelectDisplay(string key) => Form.Locator($"[id$='-{form.ComponentId(key)}-display']");

    /// <summary>Chooses <paramref name="value"/> in the form-js select <paramref name="key"/>.</summary>
    public async Task ChooseAsync(string key, string value)
    {
        var label = form.OptionLabel(key, value);
        var display = SelectDisplay(key);
        await display.ClickAsync();
        await Form.Locator(".fjs-dropdownlist-item").GetByText(label, new() { Exact = true }).ClickAsync();
        await Expect(display).ToHaveTextAsync(label);
    }

    /// <summary>Sends the form and waits for the inbox's confirmation that the case's step was completed.</summary>
    public async Task<InboxPage> SubmitAsync(string caseNumber)
    {
        await Submit.ClickAsync();
        await Expect(page).ToHaveURLAsync(CompletedInInbox());
        var inbox = new InboxPage(page);
        await Expect(inbox.Outcome).ToContainTextAsync(caseNumber);
        return inbox;
    }

    [GeneratedRegex(@"/inbox\?outcome=completed&case=[^&]+$")]
    private static partial Regex CompletedInInbox();
}
