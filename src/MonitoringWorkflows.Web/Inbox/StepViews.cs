namespace MonitoringWorkflows.Web.Inbox;

/// <summary>
/// Opening a step shows case data, so it counts as a view of the case. Where the audit trail is recorded is the Access
/// feature's concern; this is the one place the inbox tells it.
/// </summary>
internal static class StepViews
{
    public static Task RecordAsync(HttpContext http, StepView view, string via, CancellationToken cancellationToken) =>
        Task.CompletedTask; // TODO(lead): CaseViewAudit.RecordAsync once Access/CaseViewAudit.cs is on main.
}
