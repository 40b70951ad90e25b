using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Inbox;

/// <summary>The inbox's lists: all open steps (the default), unclaimed, claimed by me, overdue, and done.</summary>
public enum InboxFilter { Open, Unclaimed, Mine, Overdue, Done }

/// <summary>One line of the inbox.</summary>
public sealed record InboxRow(
    long Id, string? CaseNumber, string ElementId, string? Name, DateTimeOffset? DueAt, UserTaskStatus Status,
    string? ClaimedBy, string? ClaimedByName, string? CompletedBy, DateTimeOffset? CompletedAt)
{
    public bool IsOverdue(DateTimeOffset now) => Status == UserTaskStatus.Open && DueAt < now;
}

/// <summary>A page of the inbox: no total count (counting 100,000 open steps on every page view costs more than the page).</summary>
public sealed record InboxPage(InboxFilter Filter, int Page, IReadOnlyList<InboxRow> Rows, bool HasNext, DateTimeOffset Now)
{
    public bool HasPrevious => Page > 1;
}

/// <summary>What the home page shows of the inbox; counts stop at <see cref="InboxQueries.CountCap"/>.</summary>
public sealed record InboxCounts(int Open, int Overdue);

public static class InboxFilters
{
    public static InboxFilter Parse(string? value) =>
        Enum.TryParse<InboxFilter>(value, ignoreCase: true, out var filter) && Enum.IsDefined(filter) ? filter : InboxFilter.Open;

    public static string Name(this InboxFilter filter) => filter.ToString().ToLowerInvariant();
}
