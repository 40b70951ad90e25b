using MonitoringWorkflows.Web.Access;

namespace MonitoringWorkflows.Web.Cases;

/// <summary>Where a case stands, as the case page, the case list and the API show it.</summary>
public sealed record CaseSummary(
    string Number, DateTimeOffset RegisteredAt, string RegisteredBy, string Status, IReadOnlyList<string> Stage,
    string? RiskLevel, int OverdueSteps, CaseSight Sight, long? ProcessInstanceId);

/// <summary>The case statuses shown and filtered on: the referral process runs, ended, or never started.</summary>
public static class CaseStates
{
    public const string Open = "open";
    public const string Closed = "closed";
    public const string NotStarted = "notStarted";
}

/// <summary>The risk levels the referral process's scoring script gives (variable <c>riskLevel</c>).</summary>
public static class RiskLevels
{
    public const string Variable = "riskLevel";
    public static readonly IReadOnlyList<string> All = ["low", "medium", "high", "grave"];

    /// <summary>
    /// The risk level in a stored instance state, read from its variables without deserializing the whole state
    /// (tokens, scopes, subscriptions), which a page needing one value does not want to pay for.
    /// </summary>
    public static string? In(string? stateJson) =>
        stateJson is not null && System.Text.Json.Nodes.JsonNode.Parse(stateJson)?["Variables"]?[Variable] is System.Text.Json.Nodes.JsonValue value
            && value.TryGetValue<string>(out var level) ? level : null;
}

/// <summary>What the case page shows of a case besides its report.</summary>
public sealed record CasePage(CaseSummary Summary, IReadOnlyList<CaseStep> Steps, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>A step of the case (a user task of any of its instances), open or done.</summary>
public sealed record CaseStep(
    long Id, long InstanceId, string ElementId, string? Name, string? Agency, string? Role, DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt, string Status, string? ClaimedBy, string? CompletedBy, DateTimeOffset? CompletedAt, bool Overdue);

/// <summary>One line of the case's timeline, from the journal of one of its instances.</summary>
public sealed record TimelineEntry(
    long Id, DateTimeOffset At, long InstanceId, string Process, string Kind, string? ElementId, string? ElementName,
    string Actor, string? Detail);

/// <summary>
/// What the case diagram needs for one instance: its definition's BPMN, the elements where it is now, and the
/// elements and sequence flows it has passed (from the journal).
/// </summary>
public sealed record InstanceDiagram(
    long InstanceId, long? ParentInstanceId, string ProcessKey, string? ProcessName, int Version, string Status,
    string BpmnXml, IReadOnlyList<string> Current, IReadOnlyList<string> Passed, IReadOnlyList<string> TakenFlows);

/// <summary>An instance of a case without its diagram: for <c>GET /api/instances/{id}</c>.</summary>
public sealed record InstanceFacts(
    long InstanceId, string CaseNumber, long? ParentInstanceId, string ProcessKey, int Version, string Status,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, IReadOnlyList<string> Current);
