namespace MonitoringWorkflows.Web.Monitoring;

/// <summary>The case list (<c>/cases</c>) with the filters that show the cases behind each dashboard figure.</summary>
public static class DashboardLinks
{
    public static string Open(string? stage = null, string? risk = null) =>
        Cases(("status", "open"), ("stage", stage), ("risk", risk == DashboardData.NotScreened ? "none" : risk));

    public static string Overdue(string agency) => Cases(("status", "open"), ("overdue", "true"), ("agency", agency));

    public static string DeclinedReferrals() => Cases(("status", "open"), ("referral", "declined"));

    public static string AwaitingReview() => Cases(("status", "open"), ("review", "awaiting"));

    /// <summary>The protection orders page, which lists the district's orders ending within 7 days unless asked for all.</summary>
    public static string ExpiringOrders() => "/orders";

    public static string Registered(string month) => Cases(("registered", month));

    public static string Closed(string month) => Cases(("status", "closed"), ("closed", month));

    private static string Cases(params (string Name, string? Value)[] filters) =>
        "/cases?" + string.Join("&", filters.Where(f => f.Value is not null)
            .Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value!)}"));
}
