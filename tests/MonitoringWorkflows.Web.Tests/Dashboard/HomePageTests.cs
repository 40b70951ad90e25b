using System.Net;
using System.Text.RegularExpressions;
using MonitoringWorkflows.Web.Tests.Identity.Support;

namespace MonitoringWorkflows.Web.Tests.Dashboard;

/// <summary>
/// The home page sends each role to where its work is: every link it shows opens for that user, and nothing on it
/// still says a part is not built.
/// </summary>
public sealed partial class HomePageTests
{
    [Theory]
    [InlineData("admin@demo.az", "/designer")]
    [InlineData("chair@demo.az", "/monitoring")]
    [InlineData("secretary@demo.az", "/meetings")]
    [InlineData("police@demo.az", "/inbox")]
    [InlineData("registrar@demo.az", "/cases/new")]
    [InlineData("analyst@demo.az", "/figures")]
    public async Task HomePage_LinksOnlyToPagesTheUserMayOpen(string email, string expected)
    {
        await using var site = new SiteHost();
        var user = await site.SignedInAsync(email);
        await user.PostFormAsync("/", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" }, "/language");

        var home = await user.GetPageAsync("/");
        var main = home[home.IndexOf("<main", StringComparison.Ordinal)..];
        var links = CardLink().Matches(main).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Contains(expected, links);
        Assert.DoesNotContain("not built", home, StringComparison.OrdinalIgnoreCase);
        foreach (var link in links)
        {
            var response = await user.Http.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email}: {link} answered {(int)response.StatusCode}");
        }
    }

    [GeneratedRegex("<li><a href=\"(/[^\"]*)\">")]
    private static partial Regex CardLink();
}
