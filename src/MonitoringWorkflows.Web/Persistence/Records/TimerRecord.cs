namespace MonitoringWorkflows.Web.Persistence.Records;

public enum TimerStatus { Pending, Fired, Cancelled }

/// <summary>A timer the engine asked for; the scheduler fires the pending ones when they come due.</summary>
public sealed class TimerRecord
{
    public long Id { get; set; }
    public long InstanceId { get; set; }
    public ProcessInstanceRecord? Instance { get; set; }

    /// <summary>The engine's subscription id; a cycle timer reuses it for each repetition.</summary>
    public int TimerId { get; set; }
    public required string ElementId { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public TimerStatus Status { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
}
