using MonitoringWorkflows.Web.Access;

namespace MonitoringWorkflows.Web.Inbox;

/// <summary>
/// Opening a step shows case data, so it is a view of the case for the audit trail: recorded before the step is
/// shown (a view that cannot be recorded is not shown), with where it was seen ("task page" or "api").
/// </summary>
internal static class StepViews
{
    public static Task RecordAsync(HttpContext http, StepView view, string via, CancellationToken cancellationToken) =>
        http.RequestServices.GetRequiredService<CaseViewAudit>().RecordAsync(http.User, view.CaseRecord, via, cancellationToken);
}
