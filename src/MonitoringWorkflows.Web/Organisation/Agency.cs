namespace MonitoringWorkflows.Web.Organisation;

/// <summary>A body represented in the monitoring groups: one of the six member agencies or one an administrator added.</summary>
public sealed class Agency
{
    /// <summary>The stable code (PascalCase, e.g. <c>Police</c>, <c>NgoShelter</c>): the key, and what BPMN assigns steps to.</summary>
    public required string Code { get; set; }

    /// <summary>The name as entered; the member agencies show a translated name instead.</summary>
    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
