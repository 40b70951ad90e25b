namespace MonitoringWorkflows.Web.Persistence.Records;

/// <summary>
/// What a process version and a form version have in common, so that the designer keeps drafts and publishes both
/// the same way. <see cref="Content"/> is the BPMN XML or the form-js schema JSON.
/// </summary>
public interface IDefinitionVersion
{
    long Id { get; }
    string Key { get; set; }
    int Version { get; set; }
    DefinitionStatus Status { get; set; }
    string? Name { get; set; }
    string Content { get; set; }
    string CreatedBy { get; set; }
    DateTimeOffset CreatedAt { get; set; }
    string? PublishedBy { get; set; }
    DateTimeOffset? PublishedAt { get; set; }
    int Revision { get; set; }
    int? BasedOnVersion { get; set; }
    string? UpdatedBy { get; set; }
    DateTimeOffset? UpdatedAt { get; set; }
}
