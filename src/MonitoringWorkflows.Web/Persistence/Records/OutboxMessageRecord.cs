namespace MonitoringWorkflows.Web.Persistence.Records;

/// <summary>A message a service action asked for (a notification…), committed with the step and delivered afterwards.</summary>
public sealed class OutboxMessageRecord
{
    public long Id { get; set; }
    public long InstanceId { get; set; }
    public ProcessInstanceRecord? Instance { get; set; }
    public required string Kind { get; set; }
    public required string ElementId { get; set; }
    public required string PayloadJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
}
