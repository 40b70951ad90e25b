namespace MonitoringWorkflows.Web.Calendar;

/// <summary>
/// The public holidays of Azerbaijan that fall on the same date every year (Labour Code, article 105). Novruz,
/// Ramazan and Qurban bayrams move from year to year, and the Cabinet of Ministers transfers days off that fall on a
/// weekend: those are entered by an administrator from each year's decree.
/// </summary>
internal static class PublicHolidays
{
    private static readonly (int Month, int Day, string Name)[] FixedDates =
    [
        (1, 1, "Yeni il"),
        (1, 2, "Yeni il"),
        (3, 8, "Qadınlar günü"),
        (5, 9, "Faşizm üzərində qələbə günü"),
        (5, 28, "Müstəqillik günü"),
        (6, 15, "Azərbaycan xalqının milli qurtuluş günü"),
        (6, 26, "Azərbaycan Respublikasının Silahlı Qüvvələri günü"),
        (11, 8, "Zəfər günü"),
        (11, 9, "Dövlət bayrağı günü"),
        (12, 31, "Dünya azərbaycanlılarının həmrəyliyi günü"),
    ];

    public static IEnumerable<(DateOnly Date, string Name)> FixedDatesOf(int year) =>
        FixedDates.Select(h => (new DateOnly(year, h.Month, h.Day), h.Name));
}
