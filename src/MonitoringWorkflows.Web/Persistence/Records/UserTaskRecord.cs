namespace MonitoringWorkflows.Web.Persistence.Records;

public enum UserTaskStatus { Open, Completed, Cancelled }

/// <summary>An inbox item: a user task waiting for its agency or role.</summary>
public sealed class UserTaskRecord
{
    public long Id { get; set; }
    public long InstanceId { get; set; }
    public ProcessInstanceRecord? Instance { get; set; }

    /// <summary>The engine's id for the task, unique within its instance: what a completion names.</summary>
    public int TaskId { get; set; }
    public required string ElementId { get; set; }
    public string? Name { get; set; }
    public string? Agency { get; set; }
    public string? Role { get; set; }

    /// <summary>
    /// The district of the step's case, copied from the case when the step is written (the inbox's lists read a
    /// district's steps from an index instead of checking each step's case). Null for an instance without a case.
    /// </summary>
    public int? DistrictId { get; set; }
    public string? FormKey { get; set; }
    public string? InputJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public UserTaskStatus Status { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public string? CompletedBy { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? OutputJson { get; set; }
}
