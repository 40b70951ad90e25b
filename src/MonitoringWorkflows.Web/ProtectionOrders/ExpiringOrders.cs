using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.ProtectionOrders;

/// <summary>An order in force as the chair reads it, with the case it protects.</summary>
public sealed record OrderRow(long Id, string CaseNumber, ProtectionOrderKind Kind, string? Agency, DateTimeOffset IssuedOn, int Days,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Whole days left at <paramref name="now"/>, rounded up (an order ending later today has 1 day left).</summary>
    public int DaysLeft(DateTimeOffset now) => Math.Max(0, (int)Math.Ceiling((ExpiresAt - now).TotalDays));
}

/// <summary>
/// A district's protection orders in force, soonest ending first, through the <c>(DistrictId, ExpiresAt)</c> index:
/// for the orders page, its API and the chair's dashboard. An order is in force until <c>ExpiresAt</c>, unless a
/// court's long-term order replaced it.
/// </summary>
public sealed class ExpiringOrders(WorkflowDbContext db)
{
    /// <summary>How many of the district's orders end within <paramref name="withinDays"/> days of <paramref name="now"/>.</summary>
    public Task<int> CountAsync(long districtId, DateTimeOffset now, int withinDays, CancellationToken cancellationToken) =>
        InForce(districtId, now, withinDays).CountAsync(cancellationToken);

    /// <summary>The district's orders in force, those ending within <paramref name="withinDays"/> days only when given.</summary>
    public Task<List<OrderRow>> ListAsync(long districtId, DateTimeOffset now, int? withinDays, ProtectionOrderKind? kind,
        CancellationToken cancellationToken)
    {
        var orders = InForce(districtId, now, withinDays);
        if (kind is { } only) orders = orders.Where(o => o.Kind == only);
        return (from o in orders.OrderBy(o => o.ExpiresAt).ThenBy(o => o.Id)
                join c in db.Cases on o.CaseId equals c.Id
                select new OrderRow(o.Id, c.Number, o.Kind, o.Agency, o.IssuedOn, o.Days, o.ExpiresAt))
            .ToListAsync(cancellationToken);
    }

    private IQueryable<ProtectionOrderRecord> InForce(long districtId, DateTimeOffset now, int? withinDays)
    {
        var orders = db.Set<ProtectionOrderRecord>().AsNoTracking()
            .Where(o => o.DistrictId == districtId && o.ExpiresAt > now && o.ReplacedByOrderId == null);
        if (withinDays is { } days)
        {
            var horizon = now.AddDays(Math.Max(0, days));
            orders = orders.Where(o => o.ExpiresAt <= horizon);
        }
        return orders;
    }
}
