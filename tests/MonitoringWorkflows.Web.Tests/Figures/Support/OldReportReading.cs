using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Figures;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Tests.Figures.Support;

/// <summary>One victim as the figures count it: the case, the month (yyyymm, Baku), age group, sex and the types in order.</summary>
internal sealed record CountedVictim(long CaseId, int Month, string AgeGroup, string Sex, string Types);

/// <summary>
/// The figures' reading of reports before the facts table: json_each over every case's report, then the same rules in
/// C# (kept here as the reference the facts must agree with).
/// </summary>
internal static class OldReportReading
{
    internal sealed class Row
    {
        public long CaseId { get; set; }
        public long CreatedAt { get; set; }
        public string? Age { get; set; }
        public string? Sex { get; set; }
        public string? Types { get; set; }
    }

    public static async Task<List<CountedVictim>> VictimsAsync(WorkflowDbContext db)
    {
        var rows = await db.Database.SqlQueryRaw<Row>("""
            SELECT c."Id" AS "CaseId", c."CreatedAt" AS "CreatedAt",
                   json_extract(v.value, '$.age') AS "Age", json_extract(v.value, '$.sex') AS "Sex",
                   (SELECT group_concat(t.value, ',') FROM json_each(c."ReportJson", '$.violenceTypes') AS t) AS "Types"
            FROM "Cases" AS c
            JOIN json_each(c."ReportJson", '$.victims') AS v
            """).ToListAsync();
        return Sorted(rows.Where(r => !(string.IsNullOrWhiteSpace(r.Age) && string.IsNullOrWhiteSpace(r.Sex)))
            .Select(r => new CountedVictim(r.CaseId, VictimFactRecord.MonthOf(new DateTimeOffset(r.CreatedAt, TimeSpan.Zero)), AgeGroups.Of(r.Age),
                r.Sex is { } sex && ReportChoices.Sexes.Contains(sex) ? sex : FigureValues.UnknownSex,
                string.Join(',', (r.Types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Where(ReportChoices.ViolenceTypes.Contains).Distinct().Order(StringComparer.Ordinal)))));
    }

    /// <summary>The facts table read the same way.</summary>
    public static async Task<List<CountedVictim>> FactsAsync(WorkflowDbContext db) => Sorted(
        (await db.VictimFacts.AsNoTracking().ToListAsync())
        .Select(f => new CountedVictim(f.CaseId, f.Month, f.AgeGroup, f.Sex, string.Join(',', ViolenceTypeBits.Named(f.ViolenceTypes)))));

    private static List<CountedVictim> Sorted(IEnumerable<CountedVictim> victims) =>
        [.. victims.OrderBy(v => v.CaseId).ThenBy(v => v.ToString(), StringComparer.Ordinal)];
}

/// <summary>Reports that differ in everything the figures read, some of them as the form would never let through.</summary>
internal static class VariedReports
{
    public static IReadOnlyList<ReportInput> All =>
    [
        Report(["physical"], ("9", "female"), ("34", "female"), ("", ""), (null, null)),
        Report(["neglect", "psychological", "neglect"], ("0", "male"), ("5", "male"), ("6", "female"), ("11", "male"), ("12", "female"), ("17", "male")),
        Report([], ("18", "female"), ("59", "male"), ("60", "female"), ("120", "female"), ("007", "male")),
        Report(["sexual", "economic", "unknownType"], ("", "female"), ("40", ""), ("abc", "male"), ("-3", null), (" 30", "other")),
        Report(["physical", "psychological", "sexual", "economic", "neglect"], (null, "male"), ("99999999999", "Female"), ("2147483647", "male")),
        Report(["physical"], (" ", "\t"), ("\u00a0", "\u2003"), ("12", " ")),
        Report(["psychological"]),
    ];

    private static ReportInput Report(string[] types, params (string? Age, string? Sex)[] victims) => new()
    {
        Channel = "phone", ReporterName = "Aysel Məmmədova", ReporterContact = "+994 50 000 00 00",
        Victims = [.. victims.Select(v => new VictimInput { Age = v.Age, Sex = v.Sex })], PerpetratorRelation = "partner",
        ViolenceTypes = [.. types], IncidentDate = "2026-01-15", IncidentPlace = "Home", Narrative = "Neighbour heard shouting.", Consent = true,
    };
}
