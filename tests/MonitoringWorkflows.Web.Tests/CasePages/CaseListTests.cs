using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Tests.CasePages;

public sealed class CaseListTests
{
    [Fact]
    public async Task Chair_SeesTheDistrictsCasesNewestFirst_WithStageRiskAndOverdueCounts()
    {
        await using var site = new CaseSite();
        var (screened, fresh, closed) = await ThreeCasesAsync(site);
        var chair = await site.SignedInAsync("chair@demo.az");

        var html = await chair.GetPageAsync("/cases");

        Assert.Equal([closed, fresh, screened], Listed(html));
        Assert.Matches($"data-case=\"{screened}\" data-overdue=\"1\" data-risk=\"medium\"", html);
        Assert.Matches($"data-case=\"{fresh}\" data-overdue=\"0\" data-risk=\"\"", html);
        Assert.Contains("Quruma yönləndirmə", html); // "Referral to agency" in the default language
    }

    [Theory]
    [InlineData("?risk=medium", "screened")]
    [InlineData("?overdue=true", "screened")]
    [InlineData("?status=closed", "closed")]
    [InlineData("?status=open", "fresh,screened")]
    [InlineData("?number=0002", "fresh")]
    public async Task Filters_NarrowTheList(string query, string expected)
    {
        await using var site = new CaseSite();
        var (screened, fresh, closed) = await ThreeCasesAsync(site);
        var names = new Dictionary<string, string> { [screened] = "screened", [fresh] = "fresh", [closed] = "closed" };
        var chair = await site.SignedInAsync("secretary@demo.az");

        var html = await chair.GetPageAsync("/cases" + query);

        Assert.Equal(expected, string.Join(",", Listed(html).Select(n => names[n])));
    }

    [Fact]
    public async Task NoCases_ShowsTheEmptyState()
    {
        await using var site = new CaseSite();
        var chair = await site.SignedInAsync("chair@demo.az");

        var html = await chair.GetPageAsync("/cases");

        Assert.Contains("data-testid=\"cases-empty\"", html);
    }

    [Fact]
    public async Task ListOpenedFromTheDashboard_SaysWhichOfItsFiltersApply_AndHowToLeaveThem()
    {
        await using var site = new CaseSite();
        var chair = await site.SignedInAsync("chair@demo.az");

        var html = await chair.GetPageAsync("/cases?status=open&agency=Police&review=awaiting&registered=2026-11");
        var plain = await chair.GetPageAsync("/cases?status=open");

        Assert.Contains("data-testid=\"dashboard-filters\"", html);
        Assert.Contains("qurum: Polis şöbəsi", html);
        Assert.Contains("qrupun qərarını gözləyir", html);
        Assert.Contains("2026-11 ayında qeydə alınıb", html);
        Assert.DoesNotContain("yönləndirmə rədd edilib", html);
        Assert.Contains("href=\"/cases\" data-testid=\"dashboard-filters-clear\"", html);
        Assert.DoesNotContain("data-testid=\"dashboard-filters\"", plain);
    }

    [Theory]
    [InlineData("police@demo.az")]
    [InlineData("registrar@demo.az")]
    [InlineData("admin@demo.az")]
    [InlineData("analyst@demo.az")]
    public async Task OthersThanChairAndSecretary_AreRefusedTheListPage(string email)
    {
        await using var site = new CaseSite();
        var client = await site.SignedInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/cases")).StatusCode);
    }

    [Fact]
    public async Task ApiList_GivesAnAgencyMemberOnlyTheCasesTheirAgencyWorksOn()
    {
        await using var site = new CaseSite();
        var (screened, _, _) = await ThreeCasesAsync(site);
        var police = await site.SignedInAsync("police@demo.az");
        var chair = await site.SignedInAsync("chair@demo.az");

        var theirs = await police.Http.GetFromJsonAsync<JsonObject>("/api/cases");
        var all = await chair.Http.GetFromJsonAsync<JsonObject>("/api/cases?risk=medium");

        Assert.Equal([screened], theirs!["rows"]!.AsArray().Select(r => (string)r!["number"]!));
        Assert.Equal([screened], all!["rows"]!.AsArray().Select(r => (string)r!["number"]!));
        Assert.Equal(1, (int)all["rows"]![0]!["overdueSteps"]!);
    }

    [Theory]
    [InlineData("chair@demo.az", "/cases")]
    [InlineData("secretary@demo.az", "/cases")]
    [InlineData("admin@demo.az", "/audit")]
    public async Task Dashboard_LinksToTheListOrTheTrail_AndNoLongerCallsThemNotBuilt(string email, string link)
    {
        await using var site = new CaseSite();
        var client = await site.SignedInAsync(email);
        await client.PostFormAsync("/", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" }, "/language");

        var home = await client.GetPageAsync("/");

        Assert.Contains($"<li><a href=\"{link}\">", home);
        Assert.DoesNotContain("case list", home);
        Assert.DoesNotContain("audit trail", home);
    }

    /// <summary>Three cases in order: screened to medium with an overdue police referral; fresh; closed (cancelled).</summary>
    private static async Task<(string Screened, string Fresh, string Closed)> ThreeCasesAsync(CaseSite site)
    {
        var screened = await site.RecordAsync();
        await site.ScreenAsync(screened, "Police");
        await site.MakeOverdueAsync(screened);
        var fresh = await site.RecordAsync();
        var closed = await site.RecordAsync();
        await using var scope = site.Services.CreateAsyncScope();
        long instanceId;
        await using (var db = site.Database())
            instanceId = (await db.Cases.SingleAsync(c => c.Number == closed)).ProcessInstanceId!.Value;
        var cancelled = await scope.ServiceProvider.GetRequiredService<WorkflowRunner>().CancelAsync(instanceId, "Duplicate report", "chair@demo.az", default);
        Assert.True(cancelled.IsOk, cancelled.Message);
        return (screened, fresh, closed);
    }

    private static List<string> Listed(string html) =>
        Regex.Matches(html, "<tr data-case=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
}
