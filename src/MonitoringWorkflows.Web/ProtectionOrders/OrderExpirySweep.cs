using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MonitoringWorkflows.Web.Localization;
using MonitoringWorkflows.Web.Notifications;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.ProtectionOrders;

/// <summary>
/// Tells the district's chair and the agency that holds an order, once, when the order comes within
/// <see cref="ProtectionOrderOptions.ReminderDaysBefore"/> days of its end (an "expiry" notification, under the bell and
/// by e-mail when configured). Driven by the order rows rather than the process's own timer: the row is what the
/// chair's list shows, a court order that replaces a short-term one has its own end, and the lead time is a setting
/// that applies to orders already recorded. The process's timer still reminds the police as its definition says.
/// </summary>
public sealed class OrderExpirySweep(
    NotificationWriter writer,
    TimeProvider time,
    IOptions<ProtectionOrderOptions> options,
    IStringLocalizer<OrdersText> text) : INotificationSweep
{
    private const int BatchSize = 100;

    /// <summary>Tells what is due at <see cref="TimeProvider.GetUtcNow"/>; returns how many notifications were written.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        // The subject is stored as written: in the site's default language, like the processes' own notices.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(UiCultures.Azerbaijani);
        var written = 0;
        while (true)
        {
            var (count, more) = await writer.WriteAsync(db => SweepBatchAsync(db, cancellationToken), cancellationToken);
            written += count;
            if (!more) return written;
        }
    }

    private async Task<((int Written, bool More), Outgoing?)> SweepBatchAsync(WorkflowDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var horizon = now.AddDays(options.Value.ReminderDaysBefore);
        var due = await (from o in db.Set<ProtectionOrderRecord>()
                         where o.RemindedAt == null && o.ExpiresAt > now && o.ExpiresAt <= horizon && o.ReplacedByOrderId == null
                         orderby o.ExpiresAt
                         join c in db.Cases on o.CaseId equals c.Id
                         select new { Order = o, CaseNumber = c.Number })
            .Take(BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0) return ((0, false), null);
        var (told, recipients) = (new Outgoing(db, now), new Recipients(db, now));
        foreach (var (order, caseNumber) in due.Select(d => (d.Order, d.CaseNumber)))
        {
            var chairs = await recipients.ChairsAsync(order.DistrictId, cancellationToken);
            var holders = order.Agency is null ? [] : await recipients.HoldersAsync(order.DistrictId, order.Agency, null, cancellationToken);
            var subject = text[$"Expiry_Subject_{order.Kind}", order.Days];
            told.Tell(chairs.Concat(holders).DistinctBy(r => r.UserId), NotificationKind.Expiry, subject, null, caseNumber,
                Outgoing.CaseLink(caseNumber), order.ExpiresAt, $"order-expiry:{order.Id}");
            order.RemindedAt = now;
        }
        return ((told.Written.Count, due.Count == BatchSize), told);
    }
}
