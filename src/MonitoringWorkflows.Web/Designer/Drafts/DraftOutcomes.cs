namespace MonitoringWorkflows.Web.Designer.Drafts;

/// <summary>What the designer edits: a BPMN process (its key is the process id) or a form-js form.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DefinitionKind>))]
public enum DefinitionKind { Process, Form }

/// <summary>
/// A definition as the designer opens it: its draft, or, when it has none, its latest published version as the
/// starting point (<see cref="IsDraft"/> false, <see cref="Revision"/> 0: the first save creates the draft).
/// </summary>
public sealed record DraftView(
    DefinitionKind Kind,
    string Key,
    string? Name,
    string Content,
    int Revision,
    bool IsDraft,
    int? BasedOnVersion,
    int? PublishedVersion,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt);

/// <summary>Someone else saved (or published) since the revision the caller knew: nothing was written.</summary>
public sealed record DraftConflict(int CurrentRevision, string? By, DateTimeOffset? At);

/// <summary>The outcome of a save, import, restore or publish: exactly one of the parts is set.</summary>
public sealed record DraftOutcome(DraftView? Saved = null, DraftConflict? Conflict = null, bool NotFound = false, int? PublishedVersion = null)
{
    public static DraftOutcome Missing { get; } = new(NotFound: true);
}

/// <summary>A definition's row in the designer's list: its draft and latest published version, who and when.</summary>
public sealed record DefinitionState(
    DefinitionKind Kind,
    string Key,
    string? Name,
    bool HasDraft,
    int? DraftRevision,
    string? DraftBy,
    DateTimeOffset? DraftAt,
    int? PublishedVersion,
    string? PublishedBy,
    DateTimeOffset? PublishedAt);
