using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Figures;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Tests.Cases.Support;
using MonitoringWorkflows.Web.Tests.Figures.Support;

namespace MonitoringWorkflows.Web.Tests.Figures;

/// <summary>
/// The facts the figures count are those the reports gave when the figures read them with json_each: as written at
/// intake, and as the migration's backfill writes them for cases recorded before.
/// </summary>
public sealed class VictimFactsTests
{
    [Fact]
    public async Task Intake_WritesTheFactsTheOldReadingOfTheReportGives_AndTheMainInstance()
    {
        await using var site = new IntakeSite();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var intake = scope.ServiceProvider.GetRequiredService<CaseIntake>();
            var demo = await DemoDistrictAsync(site);
            foreach (var report in VariedReports.All) await intake.RecordAsync(report, demo, "registrar@demo.az", CancellationToken.None);
        }
        await using var db = site.Database();

        var facts = await OldReportReading.FactsAsync(db);

        Assert.Equal(await OldReportReading.VictimsAsync(db), facts);
        Assert.Equal(22, facts.Count);
        var mains = await db.Cases.ToDictionaryAsync(c => c.Id, c => c.Status == CaseStatus.Open ? c.ProcessInstanceId : null);
        Assert.All(await db.VictimFacts.ToListAsync(), f => Assert.Equal(mains[f.CaseId], f.ProcessInstanceId));
        Assert.Contains(await db.VictimFacts.ToListAsync(), f => f.ProcessInstanceId is not null);
    }

    [Fact]
    public async Task Backfill_OnCasesWrittenWithoutFacts_GivesTheFactsOfTheOldReadingAndOfIntake_Once()
    {
        await using var site = new IntakeSite(withWorkflows: false);
        var records = await CasesWrittenWithoutFactsAsync(site);
        await using var db = site.Database();

        var written = await db.Database.ExecuteSqlRawAsync(VictimFacts.Backfill);
        var again = await db.Database.ExecuteSqlRawAsync(VictimFacts.Backfill);

        var facts = await OldReportReading.FactsAsync(db);
        Assert.Equal(await OldReportReading.VictimsAsync(db), facts);
        Assert.Equal(22, written);
        Assert.Equal(0, again);
        Assert.Contains(facts, f => f.Month == 202601);
        Assert.Contains(facts, f => f.Month == 202603);
        var expected = records.SelectMany(r => VictimFacts.Of(r.Record, r.Report)
            .Select(f => (r.Record.Id, f.DistrictId, f.Month, f.AgeGroup, f.Sex, f.ViolenceTypes, f.ProcessInstanceId)));
        var backfilled = (await db.VictimFacts.AsNoTracking().ToListAsync()).Select(f => (f.CaseId, f.DistrictId, f.Month, f.AgeGroup, f.Sex, f.ViolenceTypes, f.ProcessInstanceId));
        Assert.Equal(expected.Order(), backfilled.Order());
    }

    [Fact]
    public async Task Counting_ByDistrictAndPeriodInIndexOrder_AndByEveryDimension_GivesTheVictimsOfTheOldReading()
    {
        await using var site = new IntakeSite(withWorkflows: false);
        await CasesWrittenWithoutFactsAsync(site);
        await using var db = site.Database();
        await db.Database.ExecuteSqlRawAsync(VictimFacts.Backfill);
        var victims = await OldReportReading.VictimsAsync(db);

        var byPeriod = await VictimFactQuery.CountAsync(db, new FigureFilter(By: "district,period"), CancellationToken.None);
        var byAll = await VictimFactQuery.CountAsync(db, new FigureFilter(By: "district,period,violenceType,ageGroup,sex,outcome"), CancellationToken.None);

        Assert.Equal(victims.GroupBy(v => v.Month).Select(g => (g.Key, g.Count())).Order(), byPeriod.Select(g => (g.Key.Month, g.Value)).Order());
        Assert.Equal(victims.GroupBy(v => (v.Month, v.AgeGroup, v.Sex, v.Types)).Select(g => (g.Key, g.Count())).Order(),
            byAll.GroupBy(g => (g.Key.Month, g.Key.AgeGroup, g.Key.Sex, string.Join(',', ViolenceTypeBits.Named(g.Key.ViolenceTypes))))
                .Select(g => (g.Key, g.Sum(c => c.Value))).Order());
        Assert.Single(byAll.Keys.Select(g => g.DistrictId).Concat(byPeriod.Keys.Select(g => g.DistrictId)).Distinct());
    }

    [Fact]
    public async Task FiguresByOutcome_FollowTheMainInstance_FromOpenToClosed()
    {
        await using var site = new IntakeSite();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var intake = scope.ServiceProvider.GetRequiredService<CaseIntake>();
            await intake.RecordAsync(VariedReports.All[0], await DemoDistrictAsync(site), "registrar@demo.az", CancellationToken.None);
        }
        await using var db = site.Database();
        var byOutcome = new FigureFilter(By: FigureDimensions.Outcome);

        var running = await new FigureCounting(db).CountAsync(byOutcome, CancellationToken.None);
        var main = await db.Cases.Select(c => c.ProcessInstanceId).SingleAsync();
        await db.ProcessInstances.Where(i => i.Id == main).ExecuteUpdateAsync(i => i.SetProperty(x => x.Status, ProcessInstanceStatus.Completed));
        var ended = await new FigureCounting(db).CountAsync(byOutcome, CancellationToken.None);

        Assert.Equal([CaseStates.Open], running.Rows.Select(r => r.Keys[FigureDimensions.Outcome]));
        Assert.Equal([CaseStates.Closed], ended.Rows.Select(r => r.Keys[FigureDimensions.Outcome]));
    }

    [Fact]
    public void ViolenceTypeBits_GiveEveryTypeOfTheFormItsOwnBit()
    {
        var bits = ReportChoices.ViolenceTypes.Select(ViolenceTypeBits.Of).ToList();

        Assert.DoesNotContain(0, bits);
        Assert.Equal(bits.Count, bits.Distinct().Count());
        Assert.All(bits, bit => Assert.Equal(0, bit & (bit - 1)));
        Assert.Equal(ReportChoices.ViolenceTypes.Order(StringComparer.Ordinal), ViolenceTypeBits.Named(ViolenceTypeBits.Of(ReportChoices.ViolenceTypes)));
    }

    /// <summary>The varied reports as cases written straight into the database, as before the facts table.</summary>
    private static async Task<List<(ReportInput Report, CaseRecord Record)>> CasesWrittenWithoutFactsAsync(IntakeSite site)
    {
        var demo = await DemoDistrictAsync(site);
        await using var db = site.Database();
        // Near the turn of the year in UTC, which in Baku (UTC+4) is already the next year, and mid-year.
        var times = new[] { new DateTimeOffset(2025, 12, 31, 21, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 31, 19, 59, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 6, 15, 8, 0, 0, TimeSpan.Zero) };
        var records = VariedReports.All.Select((report, i) => (Report: report, Record: new CaseRecord
        {
            Number = $"DEMO-2026-{i + 1:0000}", DistrictId = demo, Year = 2026, Sequence = i + 1, CreatedBy = "registrar@demo.az",
            CreatedAt = times[i % times.Length], ReportJson = JsonSerializer.Serialize(report, CaseIntake.ReportJson),
            Status = i == 1 ? CaseStatus.ProcessNotStarted : CaseStatus.Open, ProcessInstanceId = i == 2 ? null : 1000 + i,
        })).ToList();
        db.Cases.AddRange(records.Select(r => r.Record));
        await db.SaveChangesAsync();
        return records;
    }

    private static async Task<int> DemoDistrictAsync(IntakeSite site)
    {
        await using var db = site.Database();
        return await db.Districts.Where(d => d.Code == OrganisationSeeder.DemoDistrictCode).Select(d => d.Id).SingleAsync();
    }
}
