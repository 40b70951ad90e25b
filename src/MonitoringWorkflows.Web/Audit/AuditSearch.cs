using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Audit;

/// <summary>A search of the case-view trail: exact case number and user name, days by Azerbaijan's calendar, inclusive.</summary>
public sealed record AuditFilter(string? Case = null, string? User = null, DateOnly? From = null, DateOnly? To = null, int Page = 1)
{
    public int SafePage => Math.Clamp(Page, 1, 100_000);
}

public sealed record AuditRow(long Id, DateTimeOffset At, string UserName, string CaseNumber, string Via);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Page, int PageSize, bool HasNext);

/// <summary>
/// Searches the append-only trail of case views for administrators: who saw which case, when and through what, and
/// nothing of the cases themselves. Each filter matches an index of the table (case and time, user and time, time).
/// </summary>
public sealed class AuditSearch(WorkflowDbContext db)
{
    public const int PageSize = 50;

    public async Task<AuditPage> FindAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var views = db.CaseViews.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Case))
        {
            var number = filter.Case.Trim().ToUpperInvariant();
            views = views.Where(v => v.CaseNumber == number);
        }
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var name = filter.User.Trim();
            views = views.Where(v => v.UserName == name);
        }
        if (filter.From is { } from)
        {
            var start = StartOf(from);
            views = views.Where(v => v.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = StartOf(to.AddDays(1));
            views = views.Where(v => v.At < end);
        }
        var page = filter.SafePage;
        var rows = await views.OrderByDescending(v => v.At).ThenByDescending(v => v.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(v => new AuditRow(v.Id, v.At, v.UserName, v.CaseNumber, v.Via))
            .ToListAsync(cancellationToken);
        return new AuditPage(rows.Take(PageSize).ToList(), page, PageSize, rows.Count > PageSize);
    }

    private static DateTimeOffset StartOf(DateOnly day) =>
        new(day.ToDateTime(TimeOnly.MinValue), AzerbaijanTime.Offset);
}
