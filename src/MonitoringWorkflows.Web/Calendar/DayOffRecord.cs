namespace MonitoringWorkflows.Web.Calendar;

/// <summary>A public holiday or other non-working day (a transferred day off), as the administrator entered it.</summary>
public sealed class DayOffRecord
{
    public DateOnly Date { get; set; }
    public required string Name { get; set; }
    public required string AddedBy { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
