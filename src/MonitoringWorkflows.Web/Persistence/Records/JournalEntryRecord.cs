using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Web.Persistence.Records;

/// <summary>One line of an instance's journal (append-only): the case timeline, the diagram overlay and the audit read it.</summary>
public sealed class JournalEntryRecord
{
    public long Id { get; set; }
    public long InstanceId { get; set; }
    public ProcessInstanceRecord? Instance { get; set; }
    public DateTimeOffset At { get; set; }
    public JournalKind Kind { get; set; }
    public string? ElementId { get; set; }
    public required string Actor { get; set; }
    public string? Detail { get; set; }
    public string? DataJson { get; set; }
}
