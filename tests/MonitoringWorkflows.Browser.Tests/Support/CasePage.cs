using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MonitoringWorkflows.Browser.Tests.Support;

/// <summary>
/// /cases/{number}: the case with its process diagram (Cases/Show.cshtml, ClientApp/src/pages/case-diagram.js). The
/// main instance's shapes carry the markers current / passed and its flows taken; the diagram container repeats them as
/// comma-separated ids in data-current, data-passed and data-flows.
/// </summary>
public sealed class CasePage(IPage page)
{
    public ILocator Diagrams => page.Locator("#case-diagrams");

    /// <summary>An element of the main instance's drawing (a shape or a sequence flow).</summary>
    public ILocator Element(string id) => Diagrams.Locator($"section.main g.djs-element[data-element-id='{id}']");

    /// <summary>The main instance's drawn sequence flows marked as taken.</summary>
    public ILocator TakenFlows => Diagrams.Locator("section.main g.djs-connection.taken");

    public ILocator Timeline => page.GetByTestId("case-timeline");

    /// <summary>The timeline line saying <paramref name="elementId"/> was completed.</summary>
    public ILocator Completed(string elementId) =>
        Timeline.Locator($"li[data-kind='ElementCompleted'][data-element='{elementId}']");

    /// <summary>Opens the case and waits until its diagrams are drawn and marked.</summary>
    public async Task GotoAsync(string caseNumber)
    {
        await page.GotoAsync($"/cases/{Uri.EscapeDataString(caseNumber)}");
        await Expect(Diagrams).ToHaveAttributeAsync("data-ready", "true");
    }

    /// <summary>Asserts the main instance marks <paramref name="id"/> with <paramref name="marker"/>, in the SVG and in the data attribute.</summary>
    public async Task ExpectMarkedAsync(string id, string marker)
    {
        var attribute = marker switch { "current" => "data-current", "passed" => "data-passed", _ => "data-flows" };
        await Expect(Diagrams).ToHaveAttributeAsync(attribute, ListContaining(id));
        await Expect(Element(id)).ToHaveClassAsync(new Regex($@"(^|\s){Regex.Escape(marker)}(\s|$)"));
    }

    /// <summary>Asserts <paramref name="id"/> does not carry <paramref name="marker"/> in the drawing.</summary>
    public async Task ExpectNotMarkedAsync(string id, string marker) =>
        await Expect(Element(id)).Not.ToHaveClassAsync(new Regex($@"(^|\s){Regex.Escape(marker)}(\s|$)"));

    private static Regex ListContaining(string id) => new($"(^|,){Regex.Escape(id)}(,|$)");
}
