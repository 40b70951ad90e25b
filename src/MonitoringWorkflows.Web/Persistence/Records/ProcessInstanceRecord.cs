namespace MonitoringWorkflows.Web.Persistence.Records;

/// <summary>The engine's statuses plus <see cref="Incident"/>: a step failed and waits for a retry.</summary>
public enum ProcessInstanceStatus { Running, Completed, Terminated, Cancelled, Incident }

/// <summary>A running or ended process instance; its engine state is kept as JSON.</summary>
public sealed class ProcessInstanceRecord
{
    public long Id { get; set; }
    public long DefinitionVersionId { get; set; }
    public ProcessDefinitionRecord? DefinitionVersion { get; set; }

    /// <summary>For a child of a call activity: the parent instance and the token of its call activity.</summary>
    public long? ParentInstanceId { get; set; }
    public ProcessInstanceRecord? ParentInstance { get; set; }
    public int? ParentTokenId { get; set; }

    /// <summary>The case this instance belongs to; children share their parent's.</summary>
    public string? BusinessKey { get; set; }
    public ProcessInstanceStatus Status { get; set; }

    /// <summary>The engine's <c>InstanceState</c>, serialized with System.Text.Json.</summary>
    public required string StateJson { get; set; }

    /// <summary>Optimistic concurrency token: incremented by every step, so two steps from one starting state cannot both commit.</summary>
    public int Version { get; set; }
    public required string StartedBy { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    public bool IsActive => Status is ProcessInstanceStatus.Running or ProcessInstanceStatus.Incident;
}
