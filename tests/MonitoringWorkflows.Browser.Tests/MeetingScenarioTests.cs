using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MonitoringWorkflows.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace MonitoringWorkflows.Browser.Tests;

/// <summary>A group review meeting run end to end in the browser, from scheduling to the action in the police's inbox.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class MeetingScenarioTests(BrowserSite site)
{
    /// <summary>
    /// A grave case waits for the group. The secretary schedules a meeting; the agenda proposes the case; the group
    /// records attendance, its decision and an action for the police; the secretary closes the minutes. The action is
    /// then a step in police@demo.az's inbox, and the chair sees on the case page that the decision reached its process.
    /// </summary>
    [Fact]
    public async Task Meeting_ScheduledDecidedAndClosed_PutsThePoliceActionInTheirInbox_AndMovesTheCaseOn()
    {
        var number = await GraveCase.WaitingForReviewAsync(site);
        await using var scenario = site.Scenario();
        await scenario.RunAsync(async () =>
        {
            var secretary = (await scenario.SignedInAsync(DemoLogins.Secretary)).Page;
            var tomorrow = DateOnly.FromDateTime(MonitoringWorkflows.Web.Cases.AzerbaijanTime.Of(DateTimeOffset.UtcNow).DateTime).AddDays(1);
            await secretary.GotoAsync("/meetings");
            var schedule = secretary.GetByTestId("schedule-meeting");
            await schedule.Locator("input[name='Input.Date']").FillAsync(tomorrow.ToString("yyyy-MM-dd"));
            await schedule.Locator("input[name='Input.Place']").FillAsync("Executive authority, room 2");
            await schedule.Locator("button[type='submit']").ClickAsync();
            await Expect(secretary).ToHaveURLAsync(MeetingPath());

            var item = secretary.Locator($"li.item[data-case='{number}']");
            await Expect(item).ToHaveAttributeAsync("data-waiting", "true");
            await Expect(item.Locator("[data-reason='grave']")).ToBeVisibleAsync();
            await Expect(item.Locator("[data-reason='awaitingDecision']")).ToBeVisibleAsync();

            var police = secretary.GetByTestId("attendance").Locator("tr[data-agency='Police']");
            await police.Locator("input[type='checkbox']").CheckAsync();
            await police.Locator("input[name$='.Name']").FillAsync("Inspector Həsənov");
            await secretary.GetByTestId("attendance-save").ClickAsync();

            await item.GetByTestId("decision-outcome").SelectOptionAsync("actions");
            await item.GetByTestId("decision-text").FillAsync("Protect the child; the police visit the family weekly.");
            var action = item.GetByTestId("action-row").First;
            await action.GetByTestId("action-agency").SelectOptionAsync("Police");
            await action.GetByTestId("action-text").FillAsync("Visit the family weekly until the order ends.");
            await action.GetByTestId("action-due").FillAsync(tomorrow.AddDays(6).ToString("yyyy-MM-dd"));
            await item.GetByTestId("decision-save").ClickAsync();
            await Expect(item.GetByTestId("decision-outcome")).ToHaveValueAsync("actions");

            await secretary.GetByTestId("close-confirm").CheckAsync();
            await secretary.GetByTestId("close-submit").ClickAsync();
            await Expect(secretary.GetByTestId("minutes-closed")).ToBeVisibleAsync();
            await Expect(item.GetByTestId("item-delivery")).ToHaveAttributeAsync("data-delivery", "sent");

            var inbox = (await scenario.SignedInAsync(DemoLogins.Police)).Page;
            await new InboxPage(inbox).GotoAsync();
            await Expect(new InboxPage(inbox).Step(number, "Task_CarryOutAction")).ToBeVisibleAsync();

            var chair = (await scenario.SignedInAsync(DemoLogins.Chair)).Page;
            var casePage = new CasePage(chair);
            await casePage.GotoAsync(number);
            await Expect(casePage.Timeline.Locator("li[data-kind='MessageReceived'][data-element='Event_DecisionReceived']")).ToHaveCountAsync(1);
            await Expect(casePage.Timeline.Locator("li[data-kind='ElementEntered'][data-element='Task_CarryOutAction']")).Not.ToHaveCountAsync(0);
        });
    }

    [GeneratedRegex(@"/meetings/\d+$")]
    private static partial Regex MeetingPath();
}
