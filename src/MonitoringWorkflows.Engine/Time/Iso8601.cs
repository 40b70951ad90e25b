using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MonitoringWorkflows.Engine.Time;

/// <summary>
/// An ISO 8601 duration (<c>P3D</c>, <c>PT24H</c>, <c>P1Y2M</c>, <c>P2W</c>). Years and months are calendar units.
/// Our extension <c>P5WD</c> (optionally with a time part, <c>P2WDT4H</c>) counts working days of a calendar.
/// </summary>
public readonly record struct Iso8601Duration(int Years, int Months, int Days, TimeSpan Time, int WorkingDays = 0)
{
    /// <summary>Adds the duration; working days count in <paramref name="calendar"/> (Monday to Friday when none is given).</summary>
    public DateTimeOffset AddTo(DateTimeOffset start, IWorkingCalendar? calendar = null)
    {
        var end = start.AddYears(Years).AddMonths(Months).AddDays(Days);
        if (WorkingDays > 0) end = (calendar ?? WorkingCalendar.MondayToFriday).AddWorkingDays(end, WorkingDays);
        return end.Add(Time);
    }

    public bool IsZero => Years == 0 && Months == 0 && Days == 0 && WorkingDays == 0 && Time == TimeSpan.Zero;
}

/// <summary>An ISO 8601 repeating interval (<c>R3/PT24H</c>, <c>R/P1D</c>, <c>R2/2026-01-01T09:00:00Z/P1W</c>).</summary>
public readonly record struct Iso8601Cycle(int? Repetitions, DateTimeOffset? Start, Iso8601Duration Interval, string IntervalText);

/// <summary>Parses the ISO 8601 forms that BPMN timers use.</summary>
public static partial class Iso8601
{
    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<wd>\d+)WD)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+(?:[.,]\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    /// <summary>Durations already parsed: a definition repeats a handful of them (P3D, PT24H) for every task it opens.</summary>
    private static readonly ConcurrentDictionary<string, Iso8601Duration?> ParsedDurations = new(StringComparer.Ordinal);
    private const int MaxParsedDurations = 1024;

    public static bool TryParseDuration(string? text, out Iso8601Duration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (ParsedDurations.TryGetValue(text, out var known))
        {
            duration = known.GetValueOrDefault();
            return known.HasValue;
        }
        var parsed = ParseDuration(text, out duration);
        if (ParsedDurations.Count < MaxParsedDurations) ParsedDurations.TryAdd(text, parsed ? duration : null);
        return parsed;
    }

    private static bool ParseDuration(string text, out Iso8601Duration duration)
    {
        duration = default;
        var trimmed = text.Trim();
        var match = DurationPattern().Match(trimmed);
        // "P" alone and "P1DT" (a T with nothing after it) are not durations.
        if (!match.Success || trimmed == "P" || trimmed.EndsWith('T')) return false;
        try
        {
            int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
            var seconds = match.Groups["s"].Success
                ? double.Parse(match.Groups["s"].Value.Replace(',', '.'), CultureInfo.InvariantCulture)
                : 0;
            var time = TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("mi")) + TimeSpan.FromSeconds(seconds);
            var workingDays = Part("wd");
            // Working days stand alone (with a time part at most): "P1M3WD" has no agreed meaning.
            if (match.Groups["wd"].Success && (match.Groups["y"].Success || match.Groups["mo"].Success
                || match.Groups["w"].Success || match.Groups["d"].Success || workingDays > WorkingCalendar.MaxWorkingDays)) return false;
            duration = new Iso8601Duration(Part("y"), Part("mo"), checked(Part("w") * 7 + Part("d")), time, workingDays);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static bool TryParseDate(string? text, out DateTimeOffset date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        // A date without an offset is read as UTC: the engine has no local time zone of its own.
        return DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date)
            && text.Contains('-');
    }

    public static bool TryParseCycle(string? text, out Iso8601Cycle cycle)
    {
        cycle = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().Split('/');
        if (parts.Length is < 2 or > 3 || !parts[0].StartsWith('R')) return false;
        int? repetitions = null;
        if (parts[0].Length > 1)
        {
            if (!int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)) return false;
            repetitions = count;
        }
        DateTimeOffset? start = null;
        var intervalText = parts[^1];
        if (parts.Length == 3)
        {
            if (!TryParseDate(parts[1], out var startDate)) return false;
            start = startDate;
        }
        if (!TryParseDuration(intervalText, out var interval) || interval.IsZero) return false;
        cycle = new Iso8601Cycle(repetitions, start, interval, intervalText);
        return true;
    }
}
