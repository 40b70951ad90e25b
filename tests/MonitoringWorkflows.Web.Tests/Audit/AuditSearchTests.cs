using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Access;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Tests.CasePages;

namespace MonitoringWorkflows.Web.Tests.Audit;

public sealed class AuditSearchTests
{
    [Fact]
    public async Task Administrator_SeesEveryViewNewestFirst_WhoWhenWhichCaseVia_AndNoCaseContent()
    {
        await using var site = new CaseSite();
        var number = await site.RecordAsync(narrative: "Nothing for the administrator.");
        var chair = await site.SignedInAsync("chair@demo.az");
        await chair.GetPageAsync($"/cases/{number}");
        await chair.Http.GetAsync($"/api/cases/{number}");
        var admin = await site.SignedInAsync("admin@demo.az");

        var html = await admin.GetPageAsync("/audit");

        var rows = Regex.Matches(html, "<tr data-view=\"(\\d+)\">").Select(m => long.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.True(rows[0] > rows[1], "newest first");
        Assert.Contains(number, html);
        Assert.Contains("chair@demo.az", html);
        Assert.DoesNotContain("Nothing for the administrator.", html);
    }

    [Fact]
    public async Task Filters_ByCaseUserAndDays_NarrowTheTrail()
    {
        await using var site = new CaseSite();
        await ViewsAsync(site,
            ("DEMO-2026-0001", "chair@demo.az", new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero)),
            ("DEMO-2026-0002", "chair@demo.az", new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)),
            ("DEMO-2026-0001", "police@demo.az", new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero)),
            // 21:00 UTC on 3 March is already 4 March in Baku.
            ("DEMO-2026-0001", "police@demo.az", new DateTimeOffset(2026, 3, 3, 21, 0, 0, TimeSpan.Zero)));
        var admin = await site.SignedInAsync("admin@demo.az");

        Assert.Equal(3, await CountAsync(admin, "case=demo-2026-0001"));
        Assert.Equal(2, await CountAsync(admin, "user=police@demo.az"));
        Assert.Equal(1, await CountAsync(admin, "case=DEMO-2026-0001&user=chair@demo.az"));
        Assert.Equal(2, await CountAsync(admin, "from=2026-03-02&to=2026-03-03"));
        Assert.Equal(1, await CountAsync(admin, "from=2026-03-04"));
        Assert.Equal(0, await CountAsync(admin, "to=2026-02-28"));
        var page = await admin.GetPageAsync("/audit?to=2026-02-28");
        Assert.Contains("data-testid=\"audit-empty\"", page);
    }

    [Theory]
    [InlineData("chair@demo.az")]
    [InlineData("secretary@demo.az")]
    [InlineData("police@demo.az")]
    [InlineData("analyst@demo.az")]
    public async Task EveryoneButAdministrators_IsRefusedThePageAndTheApi(string email)
    {
        await using var site = new CaseSite();
        var client = await site.SignedInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit/case-views")).StatusCode);
    }

    [Fact]
    public async Task Api_PagesFiftyAtATime()
    {
        await using var site = new CaseSite();
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        await ViewsAsync(site, Enumerable.Range(0, 51).Select(i => ("DEMO-2026-0001", "chair@demo.az", start.AddMinutes(i))).ToArray());
        var admin = await site.SignedInAsync("admin@demo.az");

        var first = await admin.Http.GetFromJsonAsync<JsonObject>("/api/audit/case-views?case=DEMO-2026-0001");
        var second = await admin.Http.GetFromJsonAsync<JsonObject>("/api/audit/case-views?case=DEMO-2026-0001&page=2");

        Assert.Equal(50, first!["rows"]!.AsArray().Count);
        Assert.True((bool)first["hasNext"]!);
        Assert.Single(second!["rows"]!.AsArray());
        Assert.False((bool)second["hasNext"]!);
        Assert.Equal(start, (DateTimeOffset)second["rows"]![0]!["at"]!);
    }

    private static async Task<int> CountAsync(Identity.Support.SiteClient admin, string query)
    {
        var page = await admin.Http.GetFromJsonAsync<JsonObject>("/api/audit/case-views?" + query);
        return page!["rows"]!.AsArray().Count;
    }

    /// <summary>Views written straight to the trail (the table only takes inserts), at chosen times.</summary>
    private static async Task ViewsAsync(CaseSite site, params (string Case, string User, DateTimeOffset At)[] views)
    {
        await using var db = site.Database();
        db.CaseViews.AddRange(views.Select(v => new CaseViewRecord
        {
            At = v.At, UserId = "id-" + v.User, UserName = v.User, CaseId = 1, CaseNumber = v.Case, DistrictId = 1, Via = CaseViewChannels.CasePage,
        }));
        await db.SaveChangesAsync();
    }
}
