namespace MonitoringWorkflows.Web.Persistence.Records;

public enum DefinitionStatus { Draft, Published }

/// <summary>One version of a BPMN process definition. Published versions are immutable; new cases start on the latest.</summary>
public sealed class ProcessDefinitionRecord
{
    public long Id { get; set; }

    /// <summary>The BPMN process id: call activities and new cases refer to a process by it.</summary>
    public required string Key { get; set; }
    public int Version { get; set; }
    public DefinitionStatus Status { get; set; }
    public string? Name { get; set; }
    public required string BpmnXml { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? PublishedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}
