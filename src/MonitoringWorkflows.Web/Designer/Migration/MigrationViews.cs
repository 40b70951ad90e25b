namespace MonitoringWorkflows.Web.Designer.Migration;

/// <summary>A running instance on the old version: where it is, and what would not map onto the new version.</summary>
public sealed record MigrationCandidate(long InstanceId, string? CaseNumber, long? ParentInstanceId, string Status,
    IReadOnlyList<ActiveElement> Active, IReadOnlyList<MigrationProblem> Problems)
{
    public bool CanMigrate => Problems.Count == 0;
}

/// <summary>The instances running on <see cref="FromVersion"/>, checked against the newest published version.</summary>
public sealed record MigrationPreview(string Key, int FromVersion, int ToVersion, IReadOnlyList<MigrationCandidate> Instances);

/// <summary>Which instances to move from one version to the newest one.</summary>
public sealed record MigrationRequest(int FromVersion, int ToVersion, IReadOnlyList<long>? InstanceIds);

/// <summary>
/// An instance left where it was. Reasons: <c>notOnVersion</c> (no running instance of that id on the old version),
/// <c>incident</c> (retry or resolve it first), <c>unmappable</c> (see the problems), <c>concurrentStep</c> (a step
/// moved it while it was being migrated: preview again).
/// </summary>
public sealed record MigrationRefusal(long InstanceId, string Reason, IReadOnlyList<MigrationProblem> Problems);

public sealed record MigrationResult(int FromVersion, int ToVersion, IReadOnlyList<long> Migrated, IReadOnlyList<MigrationRefusal> Refused);
