namespace MonitoringWorkflows.Web.Persistence.Records;

public enum DefinitionStatus { Draft, Published }

/// <summary>One version of a BPMN process definition. Published versions are immutable; new cases start on the latest.</summary>
public sealed class ProcessDefinitionRecord : IDefinitionVersion
{
    string IDefinitionVersion.Content { get => BpmnXml; set => BpmnXml = value; }

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

    /// <summary>A draft's save counter, the optimistic concurrency token of the designer (0 on published versions).</summary>
    public int Revision { get; set; }

    /// <summary>The published version a draft started from (null for a new definition or a published version).</summary>
    public int? BasedOnVersion { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}
