namespace MonitoringWorkflows.Web.Persistence.Records;

/// <summary>A step that failed: what, where, and the trigger to apply again once the cause is fixed.</summary>
public sealed class IncidentRecord
{
    public long Id { get; set; }
    public long InstanceId { get; set; }
    public ProcessInstanceRecord? Instance { get; set; }
    public required string Code { get; set; }
    public string? ElementId { get; set; }
    public required string Message { get; set; }

    /// <summary>The trigger that failed, serialized with its type, so a retry re-applies exactly it.</summary>
    public required string TriggerJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
