using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Figures;

/// <summary>
/// Counts the victims of all districts' reports by the requested dimensions. Each report is read for what is counted
/// only (district, registration month, victims' age and sex, types of violence, the case's state); nothing else of it
/// leaves this class, and the period is at most as exact as a month.
/// </summary>
public sealed class FigureCounting(WorkflowDbContext db)
{
    /// <summary>The type-of-violence value of a victim whose report named none.</summary>
    public const string NoType = "none";

    public async Task<FigureTable> CountAsync(FigureFilter filter, CancellationToken cancellationToken)
    {
        var dimensions = filter.Dimensions;
        var counts = new Dictionary<string, (Dictionary<string, string> Keys, int Count)>(StringComparer.Ordinal);
        var total = 0;
        foreach (var victim in await VictimsAsync(filter, cancellationToken))
        {
            if (!Matches(victim, filter)) continue;
            total++;
            IReadOnlyList<string> types = !dimensions.Contains(FigureDimensions.ViolenceType) ? [""]
                : victim.ViolenceTypes.Count > 0 ? victim.ViolenceTypes : [NoType];
            foreach (var type in types)
            {
                var keys = dimensions.ToDictionary(d => d, d => ValueOf(victim, d, type, filter.PeriodLength));
                var key = string.Join('|', dimensions.Select(d => keys[d]));
                counts[key] = counts.TryGetValue(key, out var cell) ? (cell.Keys, cell.Count + 1) : (keys, 1);
            }
        }
        var rows = counts.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new FigureRow(c.Value.Keys, FigureTable.Publish(c.Value.Count), FigureTable.IsSuppressed(c.Value.Count)))
            .ToList();
        return new FigureTable(dimensions, filter.PeriodLength, rows, FigureTable.Publish(total), FigureTable.RuleText);
    }

    internal sealed record Victim(string District, DateTimeOffset RegisteredAt, string AgeGroup, string Sex, IReadOnlyList<string> ViolenceTypes, string Outcome);

    private async Task<List<Victim>> VictimsAsync(FigureFilter filter, CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking();
        if (filter.Year is { } year)
        {
            var (from, to) = (YearStart(year), YearStart(year + 1));
            cases = cases.Where(c => c.CreatedAt >= from && c.CreatedAt < to);
        }
        if (!string.IsNullOrWhiteSpace(filter.District))
            cases = cases.Where(c => db.Districts.Any(d => d.Id == c.DistrictId && d.Code == filter.District));
        var rows = await cases
            .Select(c => new
            {
                District = db.Districts.Where(d => d.Id == c.DistrictId).Select(d => d.Code).First(),
                c.CreatedAt, c.ReportJson, c.Status,
                Main = db.ProcessInstances.Where(i => i.Id == c.ProcessInstanceId).Select(i => (ProcessInstanceStatus?)i.Status).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.SelectMany(r => VictimsOf(r.District, r.CreatedAt, r.ReportJson, CaseReader.StatusOf(r.Status, r.Main))).ToList();
    }

    private static IEnumerable<Victim> VictimsOf(string district, DateTimeOffset registeredAt, string reportJson, string outcome)
    {
        var report = JsonSerializer.Deserialize<ReportInput>(reportJson, CaseIntake.ReportJson) ?? new ReportInput();
        var types = report.ViolenceTypes.Where(ReportChoices.ViolenceTypes.Contains).Distinct().Order(StringComparer.Ordinal).ToList();
        return report.Victims.Where(v => !v.IsBlank).Select(v => new Victim(district, registeredAt, AgeGroups.Of(v.Age),
            v.Sex is { } sex && ReportChoices.Sexes.Contains(sex) ? sex : FigureValues.UnknownSex, types, outcome));
    }

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
