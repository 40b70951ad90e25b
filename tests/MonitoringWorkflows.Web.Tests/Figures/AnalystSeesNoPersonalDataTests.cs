using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Tests.Meetings;
using MonitoringWorkflows.Web.Tests.Meetings.Support;

namespace MonitoringWorkflows.Web.Tests.Figures;

/// <summary>
/// The national analyst calls every GET endpoint the application maps (read from its EndpointDataSource, so a new
/// endpoint is covered without a line here), with route values filled from a populated case: a grave case whose
/// review meeting was held and closed. No answer may carry the reporter's name or contact, or any narrative text.
/// </summary>
public sealed partial class AnalystSeesNoPersonalDataTests
{
    [Fact]
    public async Task EveryGetEndpoint_AsTheNationalAnalyst_AnswersWithoutNamesOrNarratives()
    {
        await using var site = new MeetingSite();
        var (number, values) = await PopulatedAsync(site);
        var analyst = await site.SignedInAsync("analyst@demo.az");
        var secrets = new[] { MeetingSite.ReporterName, "Məmmədova", "+994 50 000 00 00", MeetingSite.Narrative, "Repeated assaults at home.", "Two call-outs since March.", "Visit the family weekly." };

        var paths = GetPaths(site.Services, number, values);
        var answered = new List<string>();
        foreach (var path in paths)
        {
            var response = await analyst.GetAsync(path);
            var body = Readable(await response.Content.ReadAsStringAsync());
            Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode}");
            foreach (var secret in secrets) Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{path} answered with '{secret}'.");
            if (path.Contains("figures", StringComparison.Ordinal)) Assert.DoesNotContain(number, body);
            if (response.StatusCode == HttpStatusCode.OK) answered.Add(path);
        }

        Assert.True(paths.Count >= 30, $"Only {paths.Count} GET paths were found.");
        Assert.Contains("/api/figures", answered);
        Assert.Contains("/api/figures.csv", answered);
        Assert.Contains("/figures", answered);
    }

    /// <summary>A grave case reviewed at a closed meeting, its police action open; the ids every route may name.</summary>
    private static async Task<(string Number, IReadOnlyList<string> Ids)> PopulatedAsync(MeetingSite site)
    {
        var number = await site.GraveCaseWaitingForReviewAsync();
        var secretary = await site.SignedInAsync("secretary@demo.az");
        var meeting = await MeetingSite.ScheduleAsync(secretary);
        await MinutesClosingTests.DecideAsync(secretary, meeting, number, "actions", "Weekly visits.",
            new { agency = "Police", text = "Visit the family weekly.", dueDate = MeetingSite.Tomorrow.AddDays(6).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.OK, (await MeetingSite.SendAsync(secretary, HttpMethod.Post, $"/api/meetings/{meeting["id"]}/close", new { confirm = true })).StatusCode);
        await using var db = site.Database();
        var ids = new List<long> { (long)meeting["id"]!, (long)MeetingSite.Item(meeting, number)["id"]! };
        ids.AddRange(await db.ProcessInstances.Where(i => i.BusinessKey == number).Select(i => i.Id).ToListAsync());
        ids.AddRange(await db.UserTasks.Where(t => t.Instance!.BusinessKey == number).Select(t => t.Id).ToListAsync());
        ids.AddRange(await db.Timers.Where(t => t.Instance!.BusinessKey == number).Select(t => t.Id).ToListAsync());
        return (number, ids.Distinct().Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList());
    }

    /// <summary>Every GET route (pages have no method metadata), once per id for a route with a numeric value.</summary>
    private static List<string> GetPaths(IServiceProvider services, string number, IReadOnlyList<string> ids)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is not null && !methods.Contains("GET")) continue;
            var raw = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.RoutePattern.Parameters.Count == 0) { paths.Add(raw); continue; }
            foreach (var id in ids)
                paths.Add(Parameter().Replace(raw, match => match.Groups["name"].Value == "number" ? number : id));
        }
        return [.. paths];
    }

    /// <summary>The body as a reader sees it: JSON's \u escapes and HTML's entities decoded.</summary>
    private static string Readable(string body) => WebUtility.HtmlDecode(
        JsonEscape().Replace(body, match => ((char)Convert.ToInt32(match.Groups[1].Value, 16)).ToString()));

    [GeneratedRegex(@"\{\*{0,2}(?<name>\w+)(:[^}]*)?\??\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\\u([0-9a-fA-F]{4})")]
    private static partial Regex JsonEscape();
}
