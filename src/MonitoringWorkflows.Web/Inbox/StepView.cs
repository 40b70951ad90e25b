using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Inbox;

/// <summary>A step as its page and GET /api/tasks/{id} show it: the step, its case's context and its form.</summary>
public sealed record StepView(UserTaskRecord Step, CaseRecord CaseRecord, CaseContext Case, string? FormSchemaJson, string? ClaimedByName)
{
    public bool IsOpen => Step.Status == UserTaskStatus.Open;

    public bool IsClaimedBy(InboxHolder holder) => Step.ClaimedBy == holder.UserId;

    /// <summary>Someone else holds the step: this user may not complete it.</summary>
    public bool IsClaimedByOther(InboxHolder holder) => Step.ClaimedBy is not null && Step.ClaimedBy != holder.UserId;
}
