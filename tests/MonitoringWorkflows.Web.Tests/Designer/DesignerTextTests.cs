using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Designer;
using MonitoringWorkflows.Web.Tests.Cases.Support;

namespace MonitoringWorkflows.Web.Tests.Designer;

/// <summary>The strings the designer's scripts read exist in every language the site speaks.</summary>
public sealed class DesignerTextTests
{
    [Fact]
    public async Task ScriptStrings_InAzerbaijaniEnglishAndRussian_AreAllTranslated_IncludingTheModelersOwnLabels()
    {
        await using var site = new IntakeSite(withWorkflows: false);
        var text = site.Services.GetRequiredService<IStringLocalizer<DesignerText>>();
        var previous = CultureInfo.CurrentUICulture;
        var seen = new List<string>();
        try
        {
            foreach (var culture in new[] { "az", "en", "ru" })
            {
                CultureInfo.CurrentUICulture = new CultureInfo(culture);
                Assert.All(DesignerText.ScriptKeys, key => Assert.False(text[key].ResourceNotFound, $"{key} in {culture}"));
                var strings = JsonDocument.Parse(DesignerText.ScriptJson(text)).RootElement;
                Assert.True(strings.GetProperty("Bpmn").TryGetProperty("User Task", out var userTask), culture);
                seen.Add(userTask.GetString()!);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
        Assert.Equal(3, seen.Distinct().Count());
    }
}
