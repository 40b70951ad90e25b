using MonitoringWorkflows.Web.Cases;

namespace MonitoringWorkflows.Web.Figures;

/// <summary>
/// One victim of a report as the figures count it, written with the case: where and in which month the report was
/// registered, the victim's age group and sex, the report's types of violence, and the case's main instance. Nothing
/// here names or describes anyone (no age in years, no day, no narrative), so the figures never read a report.
/// </summary>
public sealed class VictimFactRecord
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public CaseRecord? Case { get; set; }
    public int DistrictId { get; set; }

    /// <summary>The month of registration in Baku time as yyyymm (202605): periods and years are counted from it.</summary>
    public int Month { get; set; }

    /// <summary>One of <see cref="AgeGroups.All"/>.</summary>
    public required string AgeGroup { get; set; }

    /// <summary>One of <see cref="FigureValues.Sexes"/>.</summary>
    public required string Sex { get; set; }

    /// <summary>The report's known types of violence as bits (<see cref="ViolenceTypeBits"/>); 0 for none.</summary>
    public int ViolenceTypes { get; set; }

    /// <summary>
    /// The case's main instance when its referral process started; null when it did not (the case is "not started").
    /// The instance's status, which changes, is read when counting.
    /// </summary>
    public long? ProcessInstanceId { get; set; }

    public static int MonthOf(DateTimeOffset registeredAt) => AzerbaijanTime.MonthOf(registeredAt);
}

/// <summary>
/// The types of violence as bits of <see cref="VictimFactRecord.ViolenceTypes"/>. The bits are stored: a new type
/// takes a new bit, and the backfill SQL of the migration that made the table names the same bits.
/// </summary>
public static class ViolenceTypeBits
{
    private static readonly IReadOnlyList<(string Type, int Bit)> Bits =
        [("physical", 1), ("psychological", 2), ("sexual", 4), ("economic", 8), ("neglect", 16)];

    /// <summary>The bit of a known type; 0 for anything else.</summary>
    public static int Of(string? type) => Bits.FirstOrDefault(b => b.Type == type).Bit;

    public static int Of(IEnumerable<string?> types) => types.Aggregate(0, (mask, type) => mask | Of(type));

    /// <summary>The types of a mask, in ordinal order.</summary>
    public static IReadOnlyList<string> Named(int mask) =>
        Bits.Where(b => (mask & b.Bit) != 0).Select(b => b.Type).Order(StringComparer.Ordinal).ToList();
}
