namespace MonitoringWorkflows.Web.Figures;

/// <summary>One cell: the value of each requested dimension and the published count ("0", "&lt;5" or a multiple of 5).</summary>
public sealed record FigureRow(IReadOnlyDictionary<string, string> Keys, string Count, bool Suppressed);

/// <summary>
/// Counts of victims without personal data. Rule (also given in <see cref="Rule"/>): a count of 1 to 4 is published
/// as "&lt;5"; every other count, the total included, is rounded to the nearest multiple of 5 (0 stays 0). Rounding
/// every cell, not only the totals, is what stops differencing: any cell of one table is the total of a finer table
/// the same analyst can ask for, so an exact cell minus exact neighbours would reveal a suppressed one. With every
/// published figure off by up to 2, a difference of published figures leaves a suppressed cell anywhere in 1..4.
/// </summary>
public sealed record FigureTable(IReadOnlyList<string> Dimensions, string Period, IReadOnlyList<FigureRow> Rows, string Total, string Rule)
{
    public const int Threshold = 5;
    public const int Base = 5;

    public const string RuleText =
        "Counts are of victims. A count from 1 to 4 is shown as \"<5\"; every other count, totals included, is rounded to the nearest multiple of 5 (0 stays 0), so that no difference of published figures reveals a suppressed cell. By type of violence a victim counts once for each type in the report, so those rows add up to more than the total.";

    public static string Publish(int count) => count == 0 ? "0" : count < Threshold ? "<5" : Round(count).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsSuppressed(int count) => count is > 0 and < Threshold;

    /// <summary>Nearest multiple of <see cref="Base"/> (remainders 1-2 down, 3-4 up).</summary>
    public static int Round(int count) => (count + Base / 2) / Base * Base;
}
