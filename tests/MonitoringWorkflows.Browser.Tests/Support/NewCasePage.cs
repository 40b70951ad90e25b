using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MonitoringWorkflows.Browser.Tests.Support;

/// <summary>/cases/new: the registrar's report form (Cases/New.cshtml).</summary>
public sealed partial class NewCasePage(IPage page)
{
    public const string Path = "/cases/new";

    public async Task GotoAsync() => await page.GotoAsync(Path);

    /// <summary>Fills the form as a person would (selects, checkboxes, radios) and saves; waits for the confirmation.</summary>
    public async Task<RegisteredPage> RecordAsync(Report report)
    {
        await GotoAsync();
        await FillAsync(report);
        await page.Locator("form:has([name='Input.Narrative']) button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(RegisteredPath());
        return new RegisteredPage(page);
    }

    public async Task FillAsync(Report report)
    {
        await Field("Channel").SelectOptionAsync(report.Channel);
        await Field("ReporterName").FillAsync(report.ReporterName);
        await Field("ReporterRelation").FillAsync(report.ReporterRelation);
        await Field("ReporterContact").FillAsync(report.ReporterContact);
        for (var i = 0; i < report.Victims.Count; i++)
        {
            await Field($"Victims[{i}].Age").FillAsync(report.Victims[i].Age.ToString(CultureInfo.InvariantCulture));
            await Field($"Victims[{i}].Sex").SelectOptionAsync(report.Victims[i].Sex);
        }
        await Field("PerpetratorRelation").SelectOptionAsync(report.PerpetratorRelation);
        foreach (var type in report.ViolenceTypes)
        {
            await page.Locator($"input[name='Input.ViolenceTypes'][value='{type}']").CheckAsync();
        }
        await Field("IncidentDate").FillAsync(report.IncidentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Field("IncidentPlace").FillAsync(report.IncidentPlace);
        await Field("IncidentsLast12Months").FillAsync(report.IncidentsLast12Months?.ToString(CultureInfo.InvariantCulture) ?? "");
        await page.Locator("input[type=checkbox][name='Input.SeriousInjuries']").SetCheckedAsync(report.SeriousInjuries);
        await Field("Narrative").FillAsync(report.Narrative);
        await page.Locator($"input[name='Input.Consent'][value='{(report.Consent ? "true" : "false")}']").CheckAsync();
    }

    [GeneratedRegex(@"/cases/[^/]+/registered$")]
    private static partial Regex RegisteredPath();

    private ILocator Field(string name) => page.Locator($"[name='Input.{name}']");
}
