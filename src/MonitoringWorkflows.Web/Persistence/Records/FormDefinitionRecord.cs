namespace MonitoringWorkflows.Web.Persistence.Records;

/// <summary>One version of a form (a form-js schema) that user tasks name by its key.</summary>
public sealed class FormDefinitionRecord
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public int Version { get; set; }
    public DefinitionStatus Status { get; set; }
    public string? Name { get; set; }
    public required string SchemaJson { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? PublishedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}
