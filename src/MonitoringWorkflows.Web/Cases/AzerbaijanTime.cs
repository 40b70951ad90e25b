namespace MonitoringWorkflows.Web.Cases;

/// <summary>
/// The calendar the registrars live by. Azerbaijan keeps UTC+4 all year (no daylight saving since 2016), so a fixed
/// offset is exact and needs no time-zone data on the server. A report made after 20:00 UTC on 31 December belongs to
/// the new year, and a date typed as today in Baku is not "in the future".
/// </summary>
public static class AzerbaijanTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(4);

    public static DateTimeOffset Of(DateTimeOffset moment) => moment.ToOffset(Offset);

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    /// <summary>A date-time written without an offset (a browser's date-time field) read as Baku time; null when it is not one.</summary>
    public static DateTimeOffset? ParseLocal(string text) =>
        DateTime.TryParseExact(text, LocalFormats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None,
            out var local) ? new DateTimeOffset(local, Offset) : null;

    /// <summary>The month of a moment in Baku as yyyymm (202605): how the figures and the monitor's tallies store months.</summary>
    public static int MonthOf(DateTimeOffset moment)
    {
        var local = Of(moment);
        return local.Year * 100 + local.Month;
    }

    /// <summary>A moment as the user reads it: Baku time, in the user's culture's short date and time.</summary>
    public static string ToLocalDisplay(this DateTimeOffset moment) => Of(moment).ToString("g", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>As <see cref="ToLocalDisplay(DateTimeOffset)"/>; empty for no moment.</summary>
    public static string ToLocalDisplay(this DateTimeOffset? moment) => moment is { } value ? value.ToLocalDisplay() : "";
}
