using MonitoringWorkflows.Engine.Time;

namespace MonitoringWorkflows.Engine.Tests.Time;

public class WorkingCalendarTests
{
    private static readonly TimeSpan Baku = TimeSpan.FromHours(4);

    private static DateTimeOffset Local(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, Baku);

    [Fact]
    public void AddWorkingDays_FromFriday_SkipsTheWeekendAndKeepsTheTimeOfDay()
    {
        var calendar = WorkingCalendar.WithDaysOff(Baku, []);

        Assert.Equal(Local(11, 30, 15), calendar.AddWorkingDays(Local(11, 27, 15), 1));
    }

    [Fact]
    public void AddWorkingDays_OverADayOff_CountsTheNextWorkingDayInstead()
    {
        // 9 November 2026 (Monday) as a day off: Friday + 1 working day is Tuesday.
        var calendar = WorkingCalendar.WithDaysOff(Baku, [new DateOnly(2026, 11, 9)]);

        Assert.Equal(Local(11, 10, 10), calendar.AddWorkingDays(Local(11, 6, 10), 1));
        Assert.Equal(Local(11, 13, 10), calendar.AddWorkingDays(Local(11, 6, 10), 4));
    }

    [Fact]
    public void AddWorkingDays_CountsDaysInTheCalendarsTimeZoneAndAnswersInTheStartsOffset()
    {
        var calendar = WorkingCalendar.WithDaysOff(Baku, []);
        // Friday 22:00 UTC is already Saturday 02:00 in Baku: one working day later is Monday 02:00 there.
        var fridayNightUtc = new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero);

        var due = calendar.AddWorkingDays(fridayNightUtc, 1);

        Assert.Equal(new DateTimeOffset(2026, 11, 29, 22, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void AddWorkingDays_Zero_IsTheStartItself()
    {
        Assert.Equal(Local(11, 28, 9), WorkingCalendar.MondayToFriday.AddWorkingDays(Local(11, 28, 9), 0));
    }

    [Fact]
    public void AddWorkingDays_NegativeOrAbsurdCounts_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingCalendar.MondayToFriday.AddWorkingDays(Local(11, 2, 9), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            WorkingCalendar.MondayToFriday.AddWorkingDays(Local(11, 2, 9), WorkingCalendar.MaxWorkingDays + 1));
    }

    [Theory]
    [InlineData("P5WD", 5, 0)]
    [InlineData("P2WDT4H", 2, 4)]
    [InlineData("PT0S", 0, 0)]
    public void TryParseDuration_WorkingDays_AreReadWithTheirTimePart(string text, int workingDays, int hours)
    {
        Assert.True(Iso8601.TryParseDuration(text, out var duration));
        Assert.Equal((workingDays, TimeSpan.FromHours(hours)), (duration.WorkingDays, duration.Time));
    }

    [Theory]
    [InlineData("P1M3WD")]
    [InlineData("P3WD2D")]
    [InlineData("P1W2WD")]
    [InlineData("PWD")]
    [InlineData("P99999WD")]
    public void TryParseDuration_WorkingDaysMixedWithCalendarUnitsOrAbsurd_IsNotADuration(string text)
    {
        Assert.False(Iso8601.TryParseDuration(text, out _));
    }

    [Fact]
    public void TryParseDuration_Weeks_AreStillCalendarWeeks()
    {
        Assert.True(Iso8601.TryParseDuration("P2W", out var duration));
        Assert.Equal((14, 0), (duration.Days, duration.WorkingDays));
    }

    [Fact]
    public void AddTo_WithoutACalendar_CountsMondayToFriday()
    {
        Assert.True(Iso8601.TryParseDuration("P1WDT2H", out var duration));

        Assert.Equal(Local(11, 30, 17), duration.AddTo(Local(11, 27, 15)));
    }
}
