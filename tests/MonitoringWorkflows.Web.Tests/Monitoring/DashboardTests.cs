using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Identity.Support;

namespace MonitoringWorkflows.Web.Tests.Monitoring;

public sealed partial class DashboardTests
{
    [Fact]
    public async Task Dashboard_OnAKnownDataSet_GivesExactFigures()
    {
        await using var site = await DashboardSite.CreateAsync();
        var chair = await site.Cases.SignedInAsync("chair@demo.az");

        var data = (await chair.Http.GetFromJsonAsync<JsonObject>("/api/monitoring/dashboard"))!;

        Assert.Equal(3, Count(data["openCases"]));
        Assert.Equal("0,1,0,1,1", string.Join(",", RiskLevels.All.Append("notScreened").Select(l => Count(data["openByRisk"]![l]))));
        var stages = data["stages"]!.AsArray().ToDictionary(s => (string)s!["elementId"]!, s => s!);
        Assert.Equal(["Task_ProtectionOrder", "Task_Referral", "Task_RiskScreening"], stages.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, Count(stages["Task_RiskScreening"]["byRisk"]!["notScreened"]));
        Assert.Equal(1, Count(stages["Task_Referral"]["byRisk"]!["medium"]));
        Assert.Equal(1, Count(stages["Task_ProtectionOrder"]["byRisk"]!["grave"]));
        Assert.All(stages.Values, s => Assert.Equal(1, Count(s["total"])));
        var overdue = Assert.Single(data["overdueByAgency"]!.AsArray());
        Assert.Equal("SocialProtection", (string)overdue!["agency"]!);
        Assert.Equal(1, Count(overdue["overdue"]));
        Assert.Equal(1, Count(data["pendingReferrals"]));
        Assert.Equal(1, Count(data["declinedReferrals"]));
        Assert.Equal(1, Count(data["awaitingReview"]));
        Assert.Equal(0, Count(data["expiringOrders"])); // C's protective measures have not issued the order yet
        var months = data["months"]!.AsArray();
        Assert.Equal(12, months.Count);
        Assert.Equal(4, Count(months[^1]!["opened"]));
        Assert.Equal(1, Count(months[^1]!["closed"]));
        Assert.All(months.Take(11), m => Assert.Equal(0, Count(m!["opened"]) + Count(m["closed"])));
    }

    [Fact]
    public async Task EveryFigure_LinksToTheListOfExactlyTheCasesItCounted()
    {
        await using var site = await DashboardSite.CreateAsync();
        var chair = await site.Cases.SignedInAsync("chair@demo.az");
        var data = (await chair.Http.GetFromJsonAsync<JsonObject>("/api/monitoring/dashboard"))!;
        var stages = data["stages"]!.AsArray().ToDictionary(s => (string)s!["elementId"]!, s => s!);
        var expected = new (JsonNode? Figure, string[] Cases)[]
        {
            (data["openCases"], [site.A, site.B, site.C]),
            (data["openByRisk"]!["notScreened"], [site.A]),
            (data["openByRisk"]!["grave"], [site.C]),
            (stages["Task_RiskScreening"]["byRisk"]!["notScreened"], [site.A]),
            (stages["Task_Referral"]["total"], [site.B]),
            (data["overdueByAgency"]![0]!["overdue"], [site.A]),
            (data["pendingReferrals"], [site.B]),
            (data["declinedReferrals"], [site.B]),
            (data["awaitingReview"], [site.C]),
            (data["months"]!.AsArray()[^1]!["opened"], [site.A, site.B, site.C, site.D]),
            (data["months"]!.AsArray()[^1]!["closed"], [site.D]),
        };

        foreach (var (figure, cases) in expected)
        {
            var href = (string)figure!["href"]!;
            Assert.StartsWith("/cases?", href);
            Assert.Equal(cases.Order(StringComparer.Ordinal), Listed(await chair.GetPageAsync(href)).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task DashboardPage_ShowsTheFiguresAsLinks_AndTheMonthsAsATable()
    {
        await using var site = await DashboardSite.CreateAsync();
        var secretary = await site.Cases.SignedInAsync("secretary@demo.az");

        var html = await secretary.GetPageAsync("/monitoring");

        Assert.Matches("""data-figure="open"><strong>3</strong>""", html);
        Assert.Matches("""data-figure="awaiting-review"><strong>1</strong>""", html);
        Assert.Matches("""<a class="tile card" href="/orders" data-figure="expiring-orders"><strong>0</strong>""", html);
        Assert.Contains("""<tr data-agency="SocialProtection">""", html);
        Assert.Contains("""href="/cases?status=open&overdue=true&agency=SocialProtection">1</a>""", html);
        Assert.Contains("data-testid=\"months\"", html);
        Assert.Contains("/dist/monitoring-dashboard.js", html);
    }

    [Fact]
    public async Task Dashboard_ReadAgainAfterTheMeetingsDecision_NoLongerCountsTheCaseAsAwaitingReview()
    {
        await using var site = await DashboardSite.CreateAsync();
        var chair = await site.Cases.SignedInAsync("chair@demo.az");
        var before = (await chair.Http.GetFromJsonAsync<JsonObject>("/api/monitoring/dashboard"))!;
        await using (var scope = site.Cases.Services.CreateAsyncScope())
        {
            var decided = await scope.ServiceProvider.GetRequiredService<WorkflowRunner>().CorrelateMessageAsync(site.C, "groupReviewDecision",
                new JsonObject { ["decision"] = "protect-and-monitor", ["actions"] = new JsonArray() }, "secretary@demo.az", default);
            Assert.True(decided.IsOk, decided.Message);
        }

        var after = (await chair.Http.GetFromJsonAsync<JsonObject>("/api/monitoring/dashboard"))!;

        Assert.Equal(1, Count(before["awaitingReview"]));
        Assert.Equal(0, Count(after["awaitingReview"]));
        Assert.Equal(3, Count(after["openCases"]));
    }

    [Fact]
    public async Task AnotherDistrict_SeesOnlyItsOwnFigures()
    {
        await using var site = await DashboardSite.CreateAsync();
        var other = await site.Cases.SignedInAsync(DashboardSite.OtherSecretary, SiteHost.StrongPassword);

        var data = (await other.Http.GetFromJsonAsync<JsonObject>("/api/monitoring/dashboard"))!;

        Assert.Equal(1, Count(data["openCases"]));
        Assert.Equal(1, Count(data["openByRisk"]!["notScreened"]));
        Assert.Equal(0, Count(data["pendingReferrals"]) + Count(data["declinedReferrals"]) + Count(data["awaitingReview"]));
        Assert.Equal(1, Count(data["months"]!.AsArray()[^1]!["opened"]));
        Assert.Equal([site.Other], Listed(await other.GetPageAsync((string)data["openCases"]!["href"]!)));
    }

    [Fact]
    public async Task OthersThanTheChairAndSecretary_AreRefusedTheDashboard()
    {
        await using var site = await DashboardSite.CreateAsync();
        foreach (var email in new[] { "admin@demo.az", "police@demo.az", "analyst@demo.az" })
        {
            var user = await site.Cases.SignedInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/monitoring/dashboard")).StatusCode);
        }
    }

    private static long Count(JsonNode? figure) => (long)figure!["count"]!;

    private static List<string> Listed(string html) => CaseRow().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<tr data-case=\"([^\"]+)\"")]
    private static partial Regex CaseRow();
}
