using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Time;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Calendar;

/// <summary>
/// The working calendar the engine counts working days in: Saturday and Sunday off, plus the days off in the database,
/// in Azerbaijan time. Read at start and again after every change, so the engine never reads the database itself.
/// </summary>
public sealed class NationalCalendar(IDbContextFactory<WorkflowDbContext> contexts) : IWorkingCalendar
{
    private volatile WorkingCalendar current = WorkingCalendar.WithDaysOff(AzerbaijanTime.Offset, []);

    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days) => current.AddWorkingDays(start, days);

    public bool IsWorkingDay(DateOnly day) => current.IsWorkingDay(day);

    /// <summary>Reads the days off again; deadlines already set keep their dates, new ones use the new list.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var daysOff = await db.DaysOff.AsNoTracking().Select(d => d.Date).ToListAsync(cancellationToken);
        current = WorkingCalendar.WithDaysOff(AzerbaijanTime.Offset, daysOff);
    }
}
