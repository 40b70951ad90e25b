using System.Text.Json.Nodes;

namespace MonitoringWorkflows.Web.Inbox;

public sealed record TaskListItem(
    long Id, string? CaseNumber, string ElementId, string? Name, DateTimeOffset? DueAt, bool Overdue, string Status,
    string? ClaimedBy, bool ClaimedByMe, string? CompletedBy, DateTimeOffset? CompletedAt);

/// <summary>GET /api/tasks: one page of the inbox.</summary>
public sealed record TaskList(string Filter, int Page, bool HasNext, IReadOnlyList<TaskListItem> Items)
{
    public static TaskList Of(InboxPage page, InboxHolder holder) => new(page.Filter.Name(), page.Page, page.HasNext,
        page.Rows.Select(r => new TaskListItem(r.Id, r.CaseNumber, r.ElementId, r.Name, r.DueAt, r.IsOverdue(page.Now),
            r.Status.ToString(), r.ClaimedByName ?? r.ClaimedBy, r.ClaimedBy == holder.UserId, r.CompletedBy, r.CompletedAt)).ToList());
}

/// <summary>GET /api/tasks/{id}: the step, its case context, its form, its input and (once done) what was submitted.</summary>
public sealed record TaskDetail(
    long Id, string ElementId, string? Name, string Status, DateTimeOffset? DueAt, string? ClaimedBy, bool ClaimedByMe,
    string? CompletedBy, DateTimeOffset? CompletedAt, CaseContext Case, JsonNode? Form, JsonNode? Input, JsonNode? Output)
{
    public static TaskDetail Of(StepView view, InboxHolder holder)
    {
        var step = view.Step;
        return new TaskDetail(step.Id, step.ElementId, step.Name, step.Status.ToString(), step.DueAt,
            view.ClaimedByName ?? step.ClaimedBy, view.IsClaimedBy(holder), step.CompletedBy, step.CompletedAt, view.Case,
            Parse(view.FormSchemaJson), Parse(step.InputJson), Parse(step.OutputJson));
    }

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}
