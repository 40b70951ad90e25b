using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Inbox;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Access;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Cases;

/// <summary>The list's filters, as the page's query string and <c>GET /api/cases</c> take them.</summary>
/// <remarks>
/// Stage, agency, referral, review, registered and closed are the dashboard's filters (the lists behind its figures):
/// an open step's element id (or "none"), an agency with an open (or, with overdue, an overdue) step, "declined",
/// "awaiting", and a Baku month as yyyy-MM. Risk "none" is a case not yet screened.
/// </remarks>
public sealed record CaseListFilter(string? Status = null, string? Risk = null, bool Overdue = false, string? Number = null, int Page = 1,
    string? Stage = null, string? Agency = null, string? Referral = null, string? Review = null, string? Registered = null, string? Closed = null)
{
    public int SafePage => Math.Clamp(Page, 1, 100_000);
}

public sealed record CaseListRow(
    string Number, DateTimeOffset RegisteredAt, string Status, IReadOnlyList<string> Stage, string? RiskLevel, int OverdueSteps);

public sealed record CaseListPage(IReadOnlyList<CaseListRow> Rows, int Page, int PageSize, bool HasNext);

/// <summary>
/// The cases a user may see, newest first, filtered and paged. The filters run in the database over the district's
/// cases; stage, risk level and overdue counts are then read for the one page shown only. No total is counted: with
/// a million cases a count costs more than the page, so the list offers "next" when one more row exists.
/// </summary>
public sealed class CaseList(WorkflowDbContext db, CaseAccess access, TimeProvider time, IStringLocalizer<InboxText> steps)
{
    public const int PageSize = 50;

    /// <summary>Up to this many overdue steps in all, the overdue filter starts from the steps rather than from the cases.</summary>
    internal const int FewLateSteps = 2000;

    public async Task<CaseListPage> FindAsync(ClaimsPrincipal user, CaseListFilter filter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var page = filter.SafePage;
        await db.KeepConnectionOpenAsync(cancellationToken);
        var fewLate = filter.Overdue && await db.UserTasks
            .Where(t => t.Status == UserTaskStatus.Open && t.DueAt < now).Take(FewLateSteps + 1).CountAsync(cancellationToken) <= FewLateSteps;
        var found = await PageQuery(user, filter, now, fewLate).ToListAsync(cancellationToken);
        var shown = found.Take(PageSize).ToList();
        var numbers = shown.Select(c => c.Number).ToList();
        var mainIds = shown.Where(c => c.ProcessInstanceId != null).Select(c => c.ProcessInstanceId!.Value).ToList();
        var mains = await db.ProcessInstances.AsNoTracking().Where(i => mainIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Status }).ToDictionaryAsync(i => i.Id, i => i.Status, cancellationToken);
        var risks = await RisksAsync(mainIds, cancellationToken);
        var open = (await db.UserTasks.AsNoTracking()
                .Where(t => t.Status == UserTaskStatus.Open && numbers.Contains(t.Instance!.BusinessKey!))
                .Select(t => new { t.Instance!.BusinessKey, t.Name, t.ElementId, t.DueAt }).ToListAsync(cancellationToken))
            .ToLookup(t => t.BusinessKey!);
        var rows = shown.Select(c => new CaseListRow(c.Number, c.CreatedAt,
            CaseReader.StatusOf(c.Status, c.ProcessInstanceId is { } id && mains.TryGetValue(id, out var s) ? s : null),
            open[c.Number].Select(t => steps.StepName(t.ElementId, t.Name)).Distinct().ToList(),
            c.ProcessInstanceId is { } main ? risks.GetValueOrDefault(main) : null,
            open[c.Number].Count(t => t.DueAt < now))).ToList();
        return new CaseListPage(rows, page, PageSize, found.Count > PageSize);
    }

    /// <summary>One page of the filtered cases plus one row (to know whether a next page exists); internal for the plan tests.</summary>
    internal IQueryable<ListedCase> PageQuery(ClaimsPrincipal user, CaseListFilter filter, DateTimeOffset now, bool fewLate = false) =>
        Filtered(access.VisibleTo(user), filter, now, fewLate)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Sequence)
            .Skip((filter.SafePage - 1) * PageSize).Take(PageSize + 1)
            .Select(c => new ListedCase(c.Number, c.CreatedAt, c.Status, c.ProcessInstanceId));

    internal sealed record ListedCase(string Number, DateTimeOffset CreatedAt, CaseStatus Status, long? ProcessInstanceId);

    private IQueryable<CaseRecord> Filtered(IQueryable<CaseRecord> cases, CaseListFilter filter, DateTimeOffset now, bool fewLate)
    {
        if (!string.IsNullOrWhiteSpace(filter.Number)) cases = ByNumber(cases, filter.Number.Trim().ToUpperInvariant());
        var ended = db.ProcessInstances.Where(i => i.Status == ProcessInstanceStatus.Completed
            || i.Status == ProcessInstanceStatus.Terminated || i.Status == ProcessInstanceStatus.Cancelled);
        if (filter.Status == CaseStates.Closed) cases = cases.Where(c => ended.Any(i => i.Id == c.ProcessInstanceId));
        else if (filter.Status == CaseStates.Open)
            cases = cases.Where(c => c.Status == CaseStatus.Open && !ended.Any(i => i.Id == c.ProcessInstanceId));
        else if (filter.Status == CaseStates.NotStarted) cases = AwaitingStart.Among(cases, time.GetUtcNow());
        if (filter.Risk == "none")
        {
            var screened = db.ProcessInstances.FromSql(
                $"""SELECT * FROM "ProcessInstances" WHERE json_extract("StateJson", '$.Variables.riskLevel') IS NOT NULL""");
            cases = cases.Where(c => !screened.Any(i => i.Id == c.ProcessInstanceId));
        }
        else if (filter.Risk is { } risk && RiskLevels.All.Contains(risk))
        {
            var atRisk = db.ProcessInstances.FromSql(
                $"""SELECT * FROM "ProcessInstances" WHERE json_extract("StateJson", '$.Variables.riskLevel') = {risk}""");
            cases = cases.Where(c => atRisk.Any(i => i.Id == c.ProcessInstanceId));
        }
        cases = DashboardFilters(cases, filter);
        if (filter.Overdue && fewLate)
        {
            // Few overdue steps anywhere: list their cases once (the open-due partial index) and look the cases up in it.
            var late = db.UserTasks.Where(t => t.Status == UserTaskStatus.Open && t.DueAt < now && (filter.Agency == null || t.Agency == filter.Agency))
                .Select(t => t.Instance!.BusinessKey);
            cases = cases.Where(c => late.Contains(c.Number));
        }
        else if (filter.Overdue)
        {
            // Many: walking the district's cases newest first meets 50 with an overdue step soon; each is two index seeks.
            cases = cases.Where(c => db.ProcessInstances.Any(i => i.BusinessKey == c.Number
                && db.UserTasks.Any(t => t.InstanceId == i.Id && t.Status == UserTaskStatus.Open && t.DueAt < now
                    && (filter.Agency == null || t.Agency == filter.Agency))));
        }
        return cases;
    }

    /// <summary>The dashboard's filters, each selecting the cases its figure counted (<see cref="Monitoring.MonitoringSets"/>).</summary>
    private IQueryable<CaseRecord> DashboardFilters(IQueryable<CaseRecord> cases, CaseListFilter filter)
    {
        var open = db.UserTasks.Where(t => t.Status == UserTaskStatus.Open);
        if (filter.Stage == Monitoring.DashboardData.NoStage)
            cases = cases.Where(c => !open.Any(t => t.Instance!.BusinessKey == c.Number));
        else if (filter.Stage is { } stage)
            cases = cases.Where(c => open.Any(t => t.ElementId == stage && t.Instance!.BusinessKey == c.Number));
        if (filter.Agency is { } agency && !filter.Overdue)
            cases = cases.Where(c => open.Any(t => t.Agency == agency && t.Instance!.BusinessKey == c.Number));
        if (filter.Referral == "declined")
        {
            var declined = db.ProcessInstances.FromSqlRaw(Monitoring.MonitoringSets.DeclinedReferralInstances);
            cases = cases.Where(c => declined.Any(i => i.Id == c.ProcessInstanceId));
        }
        if (filter.Review == "awaiting")
        {
            // The one definition the dashboard's tile and the agenda proposal use too.
            var awaiting = db.ProcessInstances.FromSqlRaw(Monitoring.AwaitingReview.Instances);
            cases = cases.Where(c => awaiting.Any(i => i.BusinessKey == c.Number));
        }
        if (MonthOf(filter.Registered) is { } registered)
            cases = cases.Where(c => c.CreatedAt >= registered.From && c.CreatedAt < registered.To);
        if (MonthOf(filter.Closed) is { } closed)
            cases = cases.Where(c => db.ProcessInstances.Any(i => i.Id == c.ProcessInstanceId && i.EndedAt >= closed.From && i.EndedAt < closed.To));
        return cases;
    }

    /// <summary>A month typed as yyyy-MM, as its first moment and the next month's, in Baku time.</summary>
    private static (DateTimeOffset From, DateTimeOffset To)? MonthOf(string? month) =>
        DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? (new DateTimeOffset(first, AzerbaijanTime.Offset), new DateTimeOffset(first.AddMonths(1), AzerbaijanTime.Offset))
            : null;

    /// <summary>
    /// A case number typed in full or from its start (<c>DEMO-2026</c>) is looked up by the number's index; digits alone
    /// (<c>42</c>, <c>0042</c>) are the number's last part, and <c>2026-42</c> a year and that part, both on the district's
    /// index. No substring search: on a million cases it reads every row.
    /// </summary>
    private static IQueryable<CaseRecord> ByNumber(IQueryable<CaseRecord> cases, string typed)
    {
        var parts = typed.Split('-');
        if (parts.Length == 1 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            return cases.Where(c => c.Sequence == sequence);
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && parts[0].Length == 4 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var inYear))
            return cases.Where(c => c.Year == year && c.Sequence == inYear);
        var end = typed + "\uffff";
        return cases.Where(c => string.Compare(c.Number, typed) >= 0 && string.Compare(c.Number, end) < 0);
    }

    private async Task<Dictionary<long, string?>> RisksAsync(List<long> instanceIds, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<RiskRow>(
                $"""SELECT "Id", json_extract("StateJson", '$.Variables.riskLevel') AS "Level" FROM "ProcessInstances" """)
            .Where(r => instanceIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Level, cancellationToken);

    private sealed class RiskRow
    {
        public long Id { get; set; }
        public string? Level { get; set; }
    }
}
