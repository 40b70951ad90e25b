namespace MonitoringWorkflows.Web.Access;

/// <summary>
/// One view of a case by anyone, kept for accountability: who, when, which case, through what. Append-only: the
/// database refuses updates and deletes of these rows (triggers made by the migration that created the table).
/// </summary>
public sealed class CaseViewRecord
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public long CaseId { get; set; }
    public required string CaseNumber { get; set; }
    public int DistrictId { get; set; }

    /// <summary>Where the case was seen: <see cref="CaseViewChannels"/>.</summary>
    public required string Via { get; set; }
}

/// <summary>The places a case can be seen from, as recorded in <see cref="CaseViewRecord.Via"/>.</summary>
public static class CaseViewChannels
{
    public const string CasePage = "case page";
    public const string TaskPage = "task page";
    public const string Api = "api";
}
