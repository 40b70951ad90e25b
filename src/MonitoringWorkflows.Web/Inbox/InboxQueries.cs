using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Inbox;

/// <summary>
/// The inbox lists, for the page and the API alike. Open steps come soonest due first and undated last. The dated and
/// the undated are read apart, each in the order of its index, so a page reads about <see cref="PageSize"/> rows of an
/// index instead of sorting every open step of the agency. <c>Status</c> is compared with constants: SQLite uses the
/// partial indexes only when the query names the status literally.
/// </summary>
public sealed class InboxQueries(WorkflowDbContext db, TimeProvider time)
{
    public const int PageSize = 50;
    public const int CountCap = 1000;

    public async Task<InboxPage> ListAsync(InboxHolder holder, InboxFilter filter, int page, CancellationToken cancellationToken)
    {
        page = Math.Clamp(page, 1, 100_000);
        await db.KeepConnectionOpenAsync(cancellationToken);
        var now = time.GetUtcNow();
        var rows = filter == InboxFilter.Done
            ? await RowsAsync(Ordered(holder, filter, now).Skip((page - 1) * PageSize).Take(PageSize + 1), cancellationToken)
            : await OpenPageAsync(Open(holder, filter, now), page, cancellationToken);
        var hasNext = rows.Count > PageSize;
        return new InboxPage(filter, page, hasNext ? rows[..PageSize] : rows, hasNext, now);
    }

    public async Task<InboxCounts> CountsAsync(InboxHolder holder, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = await Open(holder, InboxFilter.Open, now).Take(CountCap).CountAsync(cancellationToken);
        var overdue = await Open(holder, InboxFilter.Overdue, now).Take(CountCap).CountAsync(cancellationToken);
        return new InboxCounts(open, overdue);
    }

    /// <summary>The step <paramref name="id"/> if the holder may see it; null alike for a step of another agency or district and for none.</summary>
    public async Task<StepView?> FindAsync(InboxHolder holder, long id, CancellationToken cancellationToken)
    {
        await db.KeepConnectionOpenAsync(cancellationToken);
        var found = await db.UserTasks.AsNoTracking().Where(t => t.Id == id).VisibleTo(holder)
            .Select(t => new
            {
                Step = t,
                CaseNumber = t.Instance!.BusinessKey,
                ClaimedByName = db.Users.Where(u => u.Id == t.ClaimedBy).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null) return null;
        // The case by its number in a query of its own: a point lookup on the unique index, where a sub-select inside
        // the step's query became a window over every case (seconds at a million cases).
        var stepCase = await db.Cases.AsNoTracking().Where(c => c.Number == found.CaseNumber)
            .Select(c => new { Case = c, MainState = db.ProcessInstances.Where(i => i.Id == c.ProcessInstanceId).Select(i => i.StateJson).FirstOrDefault() })
            .FirstAsync(cancellationToken);
        var schema = found.Step.FormKey is { } key
            ? await db.FormDefinitions.AsNoTracking().Where(f => f.Key == key)
                .OrderByDescending(f => f.Status == DefinitionStatus.Published).ThenByDescending(f => f.Version)
                .Select(f => f.SchemaJson).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new StepView(found.Step, stepCase.Case, CaseContext.Of(stepCase.Case, RiskLevels.In(stepCase.MainState)), schema, found.ClaimedByName);
    }

    /// <summary>A list's main query in its order (for open steps, the dated ones): what the indexes must serve.</summary>
    internal IQueryable<UserTaskRecord> Ordered(InboxHolder holder, InboxFilter filter, DateTimeOffset now) => filter == InboxFilter.Done
        ? Done(holder).OrderByDescending(t => t.CompletedAt).ThenByDescending(t => t.Id)
        : Dated(Open(holder, filter, now));

    private static IQueryable<UserTaskRecord> Dated(IQueryable<UserTaskRecord> open) =>
        open.Where(t => t.DueAt != null).OrderBy(t => t.DueAt).ThenBy(t => t.Id);

    private IQueryable<UserTaskRecord> Open(InboxHolder holder, InboxFilter filter, DateTimeOffset now)
    {
        var open = db.UserTasks.AsNoTracking().Where(t => t.Status == UserTaskStatus.Open).VisibleTo(holder);
        var me = holder.UserId;
        return filter switch
        {
            InboxFilter.Unclaimed => open.Where(t => t.ClaimedBy == null),
            InboxFilter.Mine => open.Where(t => t.ClaimedBy == me),
            InboxFilter.Overdue => open.Where(t => t.DueAt != null && t.DueAt < now),
            _ => open,
        };
    }

    private IQueryable<UserTaskRecord> Done(InboxHolder holder) =>
        db.UserTasks.AsNoTracking().Where(t => t.Status == UserTaskStatus.Completed).VisibleTo(holder);

    private async Task<List<InboxRow>> OpenPageAsync(IQueryable<UserTaskRecord> open, int page, CancellationToken cancellationToken)
    {
        var skip = (page - 1) * PageSize;
        var wanted = PageSize + 1;
        var dated = await RowsAsync(Dated(open).Skip(skip).Take(wanted), cancellationToken);
        if (dated.Count == wanted) return dated;
        // Past the dated steps: how many undated ones earlier pages showed. Counting is needed only when this page
        // starts among the undated ones, which is rare (every shipped step has a due date).
        var undatedSkip = dated.Count > 0 || skip == 0
            ? 0
            : skip - await open.CountAsync(t => t.DueAt != null, cancellationToken);
        var undated = await RowsAsync(open.Where(t => t.DueAt == null).OrderBy(t => t.Id)
            .Skip(Math.Max(undatedSkip, 0)).Take(wanted - dated.Count), cancellationToken);
        return [.. dated, .. undated];
    }

    private Task<List<InboxRow>> RowsAsync(IQueryable<UserTaskRecord> steps, CancellationToken cancellationToken) =>
        steps.Select(t => new InboxRow(t.Id, t.Instance!.BusinessKey, t.ElementId, t.Name, t.DueAt, t.Status,
                t.ClaimedBy, db.Users.Where(u => u.Id == t.ClaimedBy).Select(u => u.DisplayName).FirstOrDefault(),
                t.CompletedBy, t.CompletedAt))
            .ToListAsync(cancellationToken);
}
