using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MonitoringWorkflows.Browser.Tests.Support;

/// <summary>/designer/processes/{key}: the bpmn-js modeler with its palette, canvas and properties panel (Designer/Process.cshtml).</summary>
public sealed class ProcessDesignerPage(IPage page)
{
    public ILocator SaveStatus => page.GetByTestId("save-status");
    public ILocator Status => page.GetByTestId("designer-status");
    public ILocator PublishedVersion => page.GetByTestId("published-version");
    public ILocator Problems => page.GetByTestId("problems");

    /// <summary>Opens the definition from the designer's list and waits until the diagram is drawn and the panel is up.</summary>
    public async Task OpenFromListAsync(string key)
    {
        await page.GotoAsync("/designer");
        await page.GetByTestId($"open-{key}").ClickAsync();
        await Expect(page.Locator("#designer[data-ready='true']")).ToBeVisibleAsync();
    }

    /// <summary>Drags an entry of the palette (e.g. create.user-task) onto the middle of a sequence flow, which splits it.</summary>
    public async Task DragOntoFlowAsync(string paletteAction, string flowId)
    {
        var entry = await page.Locator($".djs-palette [data-action='{paletteAction}']").BoundingBoxAsync() ?? throw new InvalidOperationException(paletteAction);
        var flow = await page.Locator($".djs-connection[data-element-id='{flowId}']").BoundingBoxAsync() ?? throw new InvalidOperationException(flowId);
        await page.Mouse.MoveAsync(entry.X + entry.Width / 2, entry.Y + entry.Height / 2);
        await page.Mouse.DownAsync();
        // Several moves: diagram-js starts a drag only after the pointer has travelled, and hovers the flow on the way.
        var (x, y) = (flow.X + flow.Width / 2, flow.Y + flow.Height / 2);
        await page.Mouse.MoveAsync(x - 40, y - 40, new() { Steps = 8 });
        await page.Mouse.MoveAsync(x, y, new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    /// <summary>The id of the selected element (the one just dropped).</summary>
    public async Task<string> SelectedIdAsync() =>
        await page.EvaluateAsync<string>("() => window.designer.get('selection').get()[0].id");

    /// <summary>The ids of the elements before and after <paramref name="id"/> along its sequence flows.</summary>
    public async Task<(string[] Before, string[] After)> NeighboursAsync(string id)
    {
        var before = await page.EvaluateAsync<string[]>("id => window.designer.get('elementRegistry').get(id).incoming.map(f => f.source.id)", id);
        var after = await page.EvaluateAsync<string[]>("id => window.designer.get('elementRegistry').get(id).outgoing.map(f => f.target.id)", id);
        return (before, after);
    }

    public async Task NameAsync(string name)
    {
        await OpenGroupAsync("general");
        await page.Locator("#bio-properties-panel-name").FillAsync(name);
    }

    /// <summary>Opens a group of the properties panel (they start closed) unless it is open already.</summary>
    public async Task OpenGroupAsync(string groupId)
    {
        var group = page.Locator($"[data-group-id='group-{groupId}']");
        if (!await group.Locator(".bio-properties-panel-group-entries.open").IsVisibleAsync())
            await group.Locator(".bio-properties-panel-group-header").ClickAsync();
    }

    public async Task ChooseAsync(string entryId, string value) =>
        await page.Locator($"#bio-properties-panel-{entryId}").SelectOptionAsync(value);

    public async Task ExpectSavedAsync() => await Expect(SaveStatus).ToHaveAttributeAsync("data-state", "saved");

    public async Task PublishAsync() => await page.GetByTestId("publish").ClickAsync();
}
