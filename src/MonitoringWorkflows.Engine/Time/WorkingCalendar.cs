namespace MonitoringWorkflows.Engine.Time;

/// <summary>Which days count as working days, for durations given in working days (<c>P3WD</c>).</summary>
public interface IWorkingCalendar
{
    /// <summary>
    /// The same time of day on the <paramref name="days"/>-th working day after <paramref name="start"/>'s day, counted
    /// in the calendar's own time zone: Friday 15:00 plus one working day is Monday 15:00 when the weekend is off.
    /// </summary>
    DateTimeOffset AddWorkingDays(DateTimeOffset start, int days);
}

/// <summary>
/// A calendar of weekends and listed days off, in one fixed UTC offset (Azerbaijan keeps +04:00 all year).
/// Immutable: a changed holiday list is a new calendar.
/// </summary>
public sealed class WorkingCalendar(TimeSpan utcOffset, IReadOnlySet<DayOfWeek> weekend, IReadOnlySet<DateOnly> daysOff) : IWorkingCalendar
{
    /// <summary>More working days than this in one duration is a mistake in a definition, not a deadline.</summary>
    public const int MaxWorkingDays = 3660;

    private static readonly IReadOnlySet<DayOfWeek> SaturdayAndSunday = new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday };

    /// <summary>Monday to Friday in UTC, no holidays: what the engine uses when the host gives no calendar.</summary>
    public static WorkingCalendar MondayToFriday { get; } = new(TimeSpan.Zero, SaturdayAndSunday, new HashSet<DateOnly>());

    public static WorkingCalendar WithDaysOff(TimeSpan utcOffset, IEnumerable<DateOnly> daysOff) =>
        new(utcOffset, SaturdayAndSunday, daysOff.ToHashSet());

    public bool IsWorkingDay(DateOnly day) => !weekend.Contains(day.DayOfWeek) && !daysOff.Contains(day);

    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxWorkingDays);
        if (weekend.Count == 7) throw new InvalidOperationException("A calendar whose every weekday is a weekend has no working days.");
        var local = start.ToOffset(utcOffset);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        var moved = new DateTimeOffset(day.ToDateTime(TimeOnly.FromDateTime(local.DateTime)), utcOffset);
        return moved.ToOffset(start.Offset);
    }
}
