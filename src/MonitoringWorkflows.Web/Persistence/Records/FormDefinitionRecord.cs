namespace MonitoringWorkflows.Web.Persistence.Records;

/// <summary>One version of a form (a form-js schema) that user tasks name by its key.</summary>
public sealed class FormDefinitionRecord : IDefinitionVersion
{
    string IDefinitionVersion.Content { get => SchemaJson; set => SchemaJson = value; }

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

    /// <summary>A draft's save counter, the optimistic concurrency token of the designer (0 on published versions).</summary>
    public int Revision { get; set; }

    /// <summary>The published version a draft started from (null for a new definition or a published version).</summary>
    public int? BasedOnVersion { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}
