using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Figures;

/// <summary>
/// Counts the victims of all districts' reports by the requested dimensions, from the facts kept per victim
/// (<see cref="VictimFactRecord"/>: district, month, age group, sex, types of violence, main instance), so no report,
/// name or narrative is read. SQLite filters, the groups are counted here; the period is at most as exact as a month.
/// </summary>
public sealed class FigureCounting(WorkflowDbContext db)
{
    /// <summary>The type-of-violence value of a victim whose report named none.</summary>
    public const string NoType = "none";

    public async Task<FigureTable> CountAsync(FigureFilter filter, CancellationToken cancellationToken)
    {
        var dimensions = filter.Dimensions;
        var groups = await VictimFactQuery.CountAsync(db, filter, cancellationToken);
        var districts = !dimensions.Contains(FigureDimensions.District) ? []
            : await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code, cancellationToken);
        var counts = new Dictionary<string, (string[] Keys, int Count)>(StringComparer.Ordinal);
        var total = 0;
        foreach (var (group, count) in groups)
        {
            total += count;
            foreach (var type in TypesOf(group, dimensions.Contains(FigureDimensions.ViolenceType)))
            {
                var keys = dimensions.Select(d => ValueOf(group, d, type, filter.PeriodLength, districts)).ToArray();
                var key = string.Join('|', keys);
                counts[key] = counts.TryGetValue(key, out var cell) ? (cell.Keys, cell.Count + count) : (keys, count);
            }
        }
        var rows = counts.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new FigureRow(dimensions.Select((d, i) => (d, c.Value.Keys[i])).ToDictionary(k => k.d, k => k.Item2),
                FigureTable.Publish(c.Value.Count), FigureTable.IsSuppressed(c.Value.Count)))
            .ToList();
        return new FigureTable(dimensions, filter.PeriodLength, rows, FigureTable.Publish(total), FigureTable.RuleText);
    }

    /// <summary>By type of violence a victim counts once for each type of the report, or once as <see cref="NoType"/>.</summary>
    private static IReadOnlyList<string> TypesOf(VictimFactQuery.Group group, bool byType) =>
        !byType ? [""] : group.ViolenceTypes != 0 ? ViolenceTypeBits.Named(group.ViolenceTypes) : [NoType];

    private static string ValueOf(VictimFactQuery.Group group, string dimension, string type, string period,
        IReadOnlyDictionary<int, string> districts) => dimension switch
    {
        FigureDimensions.District => districts.GetValueOrDefault(group.DistrictId, ""),
        FigureDimensions.Period => PeriodOf(group.Month, period),
        FigureDimensions.ViolenceType => type,
        FigureDimensions.AgeGroup => group.AgeGroup,
        FigureDimensions.Sex => group.Sex,
        FigureDimensions.Outcome => group.Outcome,
        _ => throw new NotSupportedException($"No figure dimension '{dimension}'."),
    };

    /// <summary>The period of a registration month (yyyymm, Baku time): 2026, 2026-Q4 or 2026-11; never a day.</summary>
    internal static string PeriodOf(int month, string period)
    {
        var (year, number) = (month / 100, month % 100);
        return period switch
        {
            FigurePeriods.Year => year.ToString(CultureInfo.InvariantCulture),
            FigurePeriods.Month => string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{number:00}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{year}-Q{(number - 1) / 3 + 1}"),
        };
    }
}
