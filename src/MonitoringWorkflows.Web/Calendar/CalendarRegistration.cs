using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Time;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Calendar;

public static class CalendarRegistration
{
    /// <summary>The national working calendar, given to the engine for durations in working days (<c>P5WD</c>).</summary>
    public static IServiceCollection AddWorkingCalendar(this IServiceCollection services)
    {
        services.AddSingleton<NationalCalendar>();
        services.AddSingleton<IWorkingCalendar>(provider => provider.GetRequiredService<NationalCalendar>());
        return services;
    }

    /// <summary>
    /// On a database without any day off: the fixed-date public holidays of this year and the next. Then loads the
    /// calendar. An administrator adds the movable feasts and transferred days.
    /// </summary>
    public static async Task LoadWorkingCalendarAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.DaysOff.AnyAsync(cancellationToken))
            {
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
                var year = AzerbaijanTime.Of(now).Year;
                db.DaysOff.AddRange(PublicHolidays.FixedDatesOf(year).Concat(PublicHolidays.FixedDatesOf(year + 1))
                    .Select(h => new DayOffRecord { Date = h.Date, Name = h.Name, AddedBy = "first start", AddedAt = now }));
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        await services.GetRequiredService<NationalCalendar>().ReloadAsync(cancellationToken);
    }
}
