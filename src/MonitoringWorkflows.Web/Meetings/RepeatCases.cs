using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Meetings;

/// <summary>
/// Repeat cases: a case registered within 12 months after the group reviewed an earlier case of the same victim.
/// A report names no victim (only age and sex; names stay with the reporter), so the same victim is recognised by:
/// the same district, the same incident place (compared trimmed, case- and space-insensitive), and a victim of the same
/// sex whose birth year (registration year minus age) differs by at most one. A case reviewed since it was registered
/// is no longer proposed as a repeat.
/// </summary>
public sealed class RepeatCases(WorkflowDbContext db)
{
    public const int WindowMonths = 12;

    public async Task<IReadOnlyList<string>> InDistrictAsync(int districtId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reviews = await db.AgendaItems.AsNoTracking()
            .Where(i => i.Meeting!.DistrictId == districtId && i.Meeting.Status == MeetingStatus.Closed
                && i.Outcome != null && i.Outcome != DecisionOutcomes.Postponed
                && i.Meeting.ClosedAt >= now.AddMonths(-2 * WindowMonths))
            .Select(i => new { i.CaseNumber, ClosedAt = i.Meeting!.ClosedAt!.Value }).ToListAsync(cancellationToken);
        if (reviews.Count == 0) return [];
        var since = reviews.Min(r => r.ClosedAt);
        var reviewedNumbers = reviews.Select(r => r.CaseNumber).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.DistrictId == districtId && (c.CreatedAt >= since || reviewedNumbers.Contains(c.Number)))
            .Select(c => new { c.Number, c.CreatedAt, c.ReportJson }).ToListAsync(cancellationToken);
        var victims = cases.ToDictionary(c => c.Number, c => Victims(c.ReportJson, c.CreatedAt), StringComparer.Ordinal);
        var repeats = new List<string>();
        foreach (var later in cases)
        {
            var isRepeat = reviews.Any(r => r.CaseNumber != later.Number && r.ClosedAt <= later.CreatedAt
                && later.CreatedAt <= r.ClosedAt.AddMonths(WindowMonths) && victims.TryGetValue(r.CaseNumber, out var earlier)
                && SameVictim(earlier, victims[later.Number]));
            var reviewedSince = reviews.Any(r => r.CaseNumber == later.Number && r.ClosedAt >= later.CreatedAt);
            if (isRepeat && !reviewedSince) repeats.Add(later.Number);
        }
        return repeats;
    }

    internal sealed record VictimKey(string Sex, int BirthYear, string Place);

    internal static IReadOnlyList<VictimKey> Victims(string reportJson, DateTimeOffset registeredAt)
    {
        var report = System.Text.Json.JsonSerializer.Deserialize<ReportInput>(reportJson, CaseIntake.ReportJson) ?? new ReportInput();
        var place = Normalise(report.IncidentPlace);
        var year = AzerbaijanTime.Of(registeredAt).Year;
        return report.Victims
            .Where(v => !string.IsNullOrWhiteSpace(v.Sex) && int.TryParse(v.Age, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(v => new VictimKey(v.Sex!, year - int.Parse(v.Age!, CultureInfo.InvariantCulture), place)).ToList();
    }

    internal static bool SameVictim(IReadOnlyList<VictimKey> earlier, IReadOnlyList<VictimKey> later) =>
        earlier.Any(e => later.Any(l => e.Place.Length > 0 && e.Place == l.Place && e.Sex == l.Sex && Math.Abs(e.BirthYear - l.BirthYear) <= 1));

    private static string Normalise(string? place) =>
        string.Join(' ', (place ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
