using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Figures;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Tests.Cases.Support;

namespace MonitoringWorkflows.Web.Tests.Figures;

/// <summary>
/// Figures over a known data set written straight into the database: in the demo district, 8 women aged 30 (physical
/// violence; two of them also psychological) and 3 boys aged 10 (neglect), registered in 2026; in a second district
/// 6 women aged 65 registered in 2025.
/// </summary>
public sealed class FiguresTests
{
    [Fact]
    public async Task Figures_BySex_PublishCountsRoundedToFive_AndSmallCountsAsUnderFive()
    {
        await using var site = await PreparedAsync();
        var analyst = await site.SignedInAsync("analyst@demo.az");

        var table = (await analyst.Http.GetFromJsonAsync<JsonObject>("/api/figures?by=sex&year=2026"))!;

        Assert.Equal([("female", "10", false), ("male", "<5", true)], Rows(table, "sex"));
        Assert.Equal("10", (string)table["total"]!);
    }

    [Fact]
    public async Task Figures_ByDistrictPeriodAndAge_CountEveryDistrict_InQuartersWithoutDays()
    {
        await using var site = await PreparedAsync();
        var analyst = await site.SignedInAsync("analyst@demo.az");

        var table = (await analyst.Http.GetFromJsonAsync<JsonObject>("/api/figures?by=district,period,ageGroup&period=quarter"))!;

        var rows = table["rows"]!.AsArray().Select(r => (
            (string)r!["keys"]!["district"]!, (string)r["keys"]!["period"]!, (string)r["keys"]!["ageGroup"]!, (string)r["count"]!)).ToList();
        Assert.Equal([("DEMO", "2026-Q2", "18-59", "10"), ("DEMO", "2026-Q2", "6-11", "<5"), ("FIGS", "2025-Q4", "60+", "5")], rows);
        Assert.Equal("15", (string)table["total"]!);
    }

    [Fact]
    public async Task Figures_ByViolenceType_CountAVictimForEachType_AndFiltersNarrowTheCount()
    {
        await using var site = await PreparedAsync();
        var analyst = await site.SignedInAsync("analyst@demo.az");

        var byType = (await analyst.Http.GetFromJsonAsync<JsonObject>("/api/figures?by=violenceType&district=DEMO"))!;
        var women = (await analyst.Http.GetFromJsonAsync<JsonObject>("/api/figures?by=outcome&sex=female&ageGroup=18-59"))!;

        Assert.Equal([("neglect", "<5", true), ("physical", "10", false), ("psychological", "<5", true)], Rows(byType, "violenceType"));
        Assert.Equal([("notStarted", "10", false)], Rows(women, "outcome"));
    }

    [Fact]
    public async Task FiguresCsv_HasAHeaderTheRowsAndTheRoundedTotal()
    {
        await using var site = await PreparedAsync();
        var analyst = await site.SignedInAsync("analyst@demo.az");

        var response = await analyst.Http.GetAsync("/api/figures.csv?by=district,sex");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("district,sex,count\r\nDEMO,female,10\r\nDEMO,male,<5\r\nFIGS,female,5\r\ntotal,,15\r\n", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "<5")]
    [InlineData(4, "<5")]
    [InlineData(5, "5")]
    [InlineData(7, "5")]
    [InlineData(8, "10")]
    [InlineData(12, "10")]
    [InlineData(13, "15")]
    public void Publish_RoundsToFive_AndHidesOneToFour(int count, string published) =>
        Assert.Equal(published, FigureTable.Publish(count));

    [Fact]
    public async Task FiguresPage_ShowsTheTableAndTheRule_ToAnalysts_AndIsClosedToTheChair()
    {
        await using var site = await PreparedAsync();
        var analyst = await site.SignedInAsync("analyst@demo.az");
        var chair = await site.SignedInAsync("chair@demo.az");

        var html = await analyst.GetPageAsync("/figures?by=sex&year=2026");
        var refused = await chair.GetAsync("/figures");

        Assert.Contains("data-testid=\"figures-total\">10<", html);
        Assert.Contains("&lt;5", await (await analyst.GetAsync("/figures?by=sex&year=2026")).Content.ReadAsStringAsync());
        Assert.Contains("/api/figures.csv?by=sex", html);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    private static List<(string, string, bool)> Rows(JsonObject table, string dimension) => table["rows"]!.AsArray()
        .Select(r => ((string)r!["keys"]![dimension]!, (string)r["count"]!, (bool)r["suppressed"]!)).ToList();

    private static async Task<IntakeSite> PreparedAsync()
    {
        var site = new IntakeSite(withWorkflows: false);
        await using var db = site.Database();
        var demo = await db.Districts.SingleAsync(d => d.Code == OrganisationSeeder.DemoDistrictCode);
        var other = new District { Code = "FIGS", Name = "Figures district" };
        db.Districts.Add(other);
        await db.SaveChangesAsync();
        var may = new DateTimeOffset(2026, 5, 10, 9, 0, 0, TimeSpan.Zero);
        var sequence = 0;
        void Add(int district, string code, DateTimeOffset at, string age, string sex, params string[] types)
        {
            var report = new ReportInput
            {
                Channel = "phone", ReporterName = "Aysel Məmmədova", Victims = [new VictimInput { Age = age, Sex = sex }],
                PerpetratorRelation = "partner", ViolenceTypes = [.. types], IncidentDate = "2026-01-15", IncidentPlace = "Home",
                Narrative = "Neighbour heard shouting.", Consent = true,
            };
            sequence++;
            var record = new CaseRecord
            {
                Number = $"{code}-{at.Year}-{sequence:D4}", DistrictId = district, Year = at.Year, Sequence = sequence, CreatedBy = "registrar@demo.az",
                CreatedAt = at, ReportJson = JsonSerializer.Serialize(report, CaseIntake.ReportJson), Status = CaseStatus.ProcessNotStarted,
            };
            db.Cases.Add(record);
            // As intake writes them: the figures count these facts, not the report.
            db.VictimFacts.AddRange(VictimFacts.Of(record, report));
        }
        for (var i = 0; i < 8; i++) Add(demo.Id, "DEMO", may, "30", "female", i < 2 ? ["physical", "psychological"] : ["physical"]);
        for (var i = 0; i < 3; i++) Add(demo.Id, "DEMO", may, "10", "male", "neglect");
        for (var i = 0; i < 6; i++) Add(other.Id, "FIGS", new DateTimeOffset(2025, 11, 2, 9, 0, 0, TimeSpan.Zero), "65", "female", "physical");
        await db.SaveChangesAsync();
        return site;
    }
}
