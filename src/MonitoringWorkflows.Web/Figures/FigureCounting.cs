using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Figures;

/// <summary>
/// Counts the victims of all districts' reports by the requested dimensions. SQLite takes from each report only what is
/// counted (district, registration time, each victim's age and sex, the types of violence, the case's state), so no
/// name or narrative ever reaches this process; the rows are streamed and counted as they come, and the period is at
/// most as exact as a month.
/// </summary>
public sealed class FigureCounting(WorkflowDbContext db)
{
    /// <summary>The type-of-violence value of a victim whose report named none.</summary>
    public const string NoType = "none";

    public async Task<FigureTable> CountAsync(FigureFilter filter, CancellationToken cancellationToken)
    {
        var dimensions = filter.Dimensions;
        var byType = dimensions.Contains(FigureDimensions.ViolenceType);
        var counts = new Dictionary<string, (string[] Keys, int Count)>(StringComparer.Ordinal);
        var total = 0;
        await foreach (var victim in VictimsAsync(filter, cancellationToken))
        {
            if (!Matches(victim, filter)) continue;
            total++;
            IReadOnlyList<string> types = !byType ? [""] : victim.ViolenceTypes.Count > 0 ? victim.ViolenceTypes : [NoType];
            foreach (var type in types)
            {
                var keys = dimensions.Select(d => ValueOf(victim, d, type, filter.PeriodLength)).ToArray();
                var key = string.Join('|', keys);
                counts[key] = counts.TryGetValue(key, out var cell) ? (cell.Keys, cell.Count + 1) : (keys, 1);
            }
        }
        var rows = counts.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new FigureRow(dimensions.Select((d, i) => (d, c.Value.Keys[i])).ToDictionary(k => k.d, k => k.Item2),
                FigureTable.Publish(c.Value.Count), FigureTable.IsSuppressed(c.Value.Count)))
            .ToList();
        return new FigureTable(dimensions, filter.PeriodLength, rows, FigureTable.Publish(total), FigureTable.RuleText);
    }

    internal sealed record Victim(string District, DateTimeOffset RegisteredAt, string AgeGroup, string Sex, IReadOnlyList<string> ViolenceTypes, string Outcome);

    /// <summary>One victim as SQLite reads it out of the report (json_each over its victims); what the counting needs only.</summary>
    internal sealed class VictimRow
    {
        public string District { get; set; } = "";
        public long CreatedAt { get; set; }
        public string? Age { get; set; }
        public string? Sex { get; set; }
        public string? Types { get; set; }
        public string CaseStatus { get; set; } = "";
        public string? MainStatus { get; set; }
    }

    private async IAsyncEnumerable<Victim> VictimsAsync(FigureFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (from, to) = filter.Year is { } year ? (YearStart(year).UtcTicks, YearStart(year + 1).UtcTicks) : (long.MinValue, long.MaxValue);
        var district = string.IsNullOrWhiteSpace(filter.District) ? null : filter.District;
        var rows = db.Database.SqlQuery<VictimRow>($"""
            SELECT d."Code" AS "District", c."CreatedAt" AS "CreatedAt",
                   json_extract(v.value, '$.age') AS "Age", json_extract(v.value, '$.sex') AS "Sex",
                   (SELECT group_concat(t.value, ',') FROM json_each(c."ReportJson", '$.violenceTypes') AS t) AS "Types",
                   c."Status" AS "CaseStatus", i."Status" AS "MainStatus"
            FROM "Cases" AS c
            JOIN "Districts" AS d ON d."Id" = c."DistrictId"
            JOIN json_each(c."ReportJson", '$.victims') AS v
            LEFT JOIN "ProcessInstances" AS i ON i."Id" = c."ProcessInstanceId"
            WHERE c."CreatedAt" >= {from} AND c."CreatedAt" < {to} AND ({district} IS NULL OR d."Code" = {district})
            """);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            // An unused row of the form (neither age nor sex) is no victim.
            if (string.IsNullOrWhiteSpace(row.Age) && string.IsNullOrWhiteSpace(row.Sex)) continue;
            yield return new Victim(row.District, new DateTimeOffset(row.CreatedAt, TimeSpan.Zero), AgeGroups.Of(row.Age),
                row.Sex is { } sex && ReportChoices.Sexes.Contains(sex) ? sex : FigureValues.UnknownSex, TypesOf(row.Types), OutcomeOf(row));
        }
    }

    private static IReadOnlyList<string> TypesOf(string? types) => (types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Where(ReportChoices.ViolenceTypes.Contains).Distinct().Order(StringComparer.Ordinal).ToList();

    private static string OutcomeOf(VictimRow row) => CaseReader.StatusOf(
        Enum.Parse<CaseStatus>(row.CaseStatus),
        row.MainStatus is { } main ? Enum.Parse<ProcessInstanceStatus>(main) : null);

    private static bool Matches(Victim victim, FigureFilter filter) =>
        (filter.ViolenceType is not { Length: > 0 } type || victim.ViolenceTypes.Contains(type))
        && (filter.AgeGroup is not { Length: > 0 } age || victim.AgeGroup == age)
        && (filter.Sex is not { Length: > 0 } sex || victim.Sex == sex)
        && (filter.Outcome is not { Length: > 0 } outcome || victim.Outcome == outcome);

    private static string ValueOf(Victim victim, string dimension, string type, string period) => dimension switch
    {
        FigureDimensions.District => victim.District,
        FigureDimensions.Period => PeriodOf(victim.RegisteredAt, period),
        FigureDimensions.ViolenceType => type,
        FigureDimensions.AgeGroup => victim.AgeGroup,
        FigureDimensions.Sex => victim.Sex,
        FigureDimensions.Outcome => victim.Outcome,
        _ => throw new NotSupportedException($"No figure dimension '{dimension}'."),
    };

    /// <summary>The registration's period in Baku time: 2026, 2026-Q4 or 2026-11; never a day.</summary>
    internal static string PeriodOf(DateTimeOffset registeredAt, string period)
    {
        var local = AzerbaijanTime.Of(registeredAt);
        return period switch
        {
            FigurePeriods.Year => local.Year.ToString(CultureInfo.InvariantCulture),
            FigurePeriods.Month => local.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => $"{local.Year.ToString(CultureInfo.InvariantCulture)}-Q{(local.Month - 1) / 3 + 1}",
        };
    }

    private static DateTimeOffset YearStart(int year) =>
        new DateTimeOffset(Math.Clamp(year, 1, 9998), 1, 1, 0, 0, 0, AzerbaijanTime.Offset).ToUniversalTime();
}
