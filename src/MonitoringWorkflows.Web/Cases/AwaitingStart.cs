namespace MonitoringWorkflows.Web.Cases;

/// <summary>
/// Which cases wait for their referral process: its start failed, or the case has none long after it was recorded.
/// One rule for the case page, the case list's "not started", the incidents page and the later start itself; it needs
/// only the case and the clock, so the lists and the case page ask it without the start's services.
/// </summary>
public static class AwaitingStart
{
    /// <summary>A case this recent without a process may still be getting one from the intake that recorded it.</summary>
    internal static readonly TimeSpan IntakeGrace = TimeSpan.FromMinutes(2);

    internal const string Index = "IX_Cases_AwaitingProcess";

    /// <summary>The partial index's condition; <see cref="Among"/> repeats it as written so SQLite may use the index.</summary>
    internal const string Filter = "\"Status\" = 'ProcessNotStarted' OR \"ProcessInstanceId\" IS NULL";

    public static bool Is(CaseRecord record, DateTimeOffset now) =>
        record.Status == CaseStatus.ProcessNotStarted || (record.ProcessInstanceId is null && record.CreatedAt < now - IntakeGrace);

    /// <summary>
    /// The same rule as a query, written as (not started or no instance) and (not started or not recent) so that its
    /// first term is the partial index's.
    /// </summary>
    public static IQueryable<CaseRecord> Among(IQueryable<CaseRecord> cases, DateTimeOffset now)
    {
        var recent = now - IntakeGrace;
        return cases.Where(c => c.Status == CaseStatus.ProcessNotStarted || c.ProcessInstanceId == null)
            .Where(c => c.Status == CaseStatus.ProcessNotStarted || c.CreatedAt < recent);
    }
}
