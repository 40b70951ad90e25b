using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Designer.Versions;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Designer.Migration;

/// <summary>
/// Moves running instances of a process to its newest published version when every element they are active on exists
/// there (matched by id). Each instance moves in a transaction of its own on the runner's connection, guarded by the
/// instance's version like a step: a step that moved the instance since it was checked wins, and the migration of
/// that instance is refused. Tokens, scopes, subscriptions, open tasks and timers stay as they are; only the version
/// the instance runs on changes, and the journal says who moved it from which version to which.
/// </summary>
public sealed class InstanceMigration(IDbContextFactory<WorkflowDbContext> contexts, ProcessVersions versions,
    RunnerConnection runner, TimeProvider time)
{
    /// <summary>The preview against the newest version, or null when <paramref name="fromVersion"/> is not a published version.</summary>
    public async Task<MigrationPreview?> PreviewAsync(string key, int fromVersion, CancellationToken cancellationToken)
    {
        var (from, to) = (await versions.FindAsync(key, fromVersion, cancellationToken), await versions.LatestAsync(key, cancellationToken));
        if (from is null || to is null) return null;
        var (before, after) = (versions.Model(from), versions.Model(to));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var instances = await db.ProcessInstances.AsNoTracking()
            .Where(i => i.DefinitionVersionId == from.Id
                && (i.Status == ProcessInstanceStatus.Running || i.Status == ProcessInstanceStatus.Incident))
            .OrderBy(i => i.Id)
            .ToListAsync(cancellationToken);
        var candidates = instances.Select(i => Candidate(i, before, after)).ToList();
        return new MigrationPreview(key, from.Version, to.Version, candidates);
    }

    /// <summary>Migrates the requested instances that map; null when a version is unknown, or the target is not the newest.</summary>
    public async Task<MigrationResult?> MigrateAsync(string key, MigrationRequest request, string actor, CancellationToken cancellationToken)
    {
        var from = await versions.FindAsync(key, request.FromVersion, cancellationToken);
        var to = await versions.LatestAsync(key, cancellationToken);
        if (from is null || to is null || to.Version != request.ToVersion || from.Id == to.Id) return null;
        var (before, after) = (versions.Model(from), versions.Model(to));
        var migrated = new List<long>();
        var refused = new List<MigrationRefusal>();
        foreach (var id in (request.InstanceIds ?? []).Distinct())
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var instance = await db.ProcessInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
            var refusal = instance is null || instance.DefinitionVersionId != from.Id || !instance.IsActive
                ? new MigrationRefusal(id, "notOnVersion", [])
                : await MoveAsync(instance, Candidate(instance, before, after), from, to, actor, cancellationToken);
            if (refusal is null) migrated.Add(id);
            else refused.Add(refusal);
        }
        return new MigrationResult(from.Version, to.Version, migrated, refused);
    }

    /// <summary>Writes one instance's move, unless it does not map; <paramref name="read"/> is the row as it was checked.</summary>
    internal async Task<MigrationRefusal?> MoveAsync(ProcessInstanceRecord read, MigrationCandidate check, ProcessDefinitionRecord from,
        ProcessDefinitionRecord to, string actor, CancellationToken cancellationToken)
    {
        if (read.Status == ProcessInstanceStatus.Incident) return new MigrationRefusal(read.Id, "incident", check.Problems);
        if (!check.CanMigrate) return new MigrationRefusal(read.Id, "unmappable", check.Problems);
        var data = new JsonObject
        {
            ["fromVersion"] = from.Version, ["toVersion"] = to.Version, ["fromDefinitionId"] = from.Id, ["toDefinitionId"] = to.Id,
        };
        var moved = await runner.RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var rows = await runner.Command("""
                UPDATE "ProcessInstances" SET "DefinitionVersionId" = @p0, "Version" = @p1
                WHERE "Id" = @p2 AND "Version" = @p3 AND "DefinitionVersionId" = @p4
                """, transaction, to.Id, read.Version + 1, read.Id, read.Version, from.Id).ExecuteNonQueryAsync(cancellationToken);
            if (rows == 0) return false;
            await runner.Command("""
                INSERT INTO "JournalEntries" ("InstanceId", "At", "Kind", "ElementId", "Actor", "Detail", "DataJson")
                VALUES (@p0, @p1, @p2, NULL, @p3, @p4, @p5)
                """, transaction, read.Id, time.GetUtcNow().UtcTicks, nameof(JournalKind.InstanceMigrated), actor,
                $"Migrated from version {from.Version} to version {to.Version}.", data.ToJsonString()).ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
        return moved ? null : new MigrationRefusal(read.Id, "concurrentStep", []);
    }

    internal static MigrationCandidate Candidate(ProcessInstanceRecord instance, ProcessDefinition from, ProcessDefinition to)
    {
        var state = RuntimeJson.DeserializeState(instance.StateJson);
        return new MigrationCandidate(instance.Id, instance.BusinessKey, instance.ParentInstanceId, instance.Status.ToString(),
            MigrationCheck.ActiveElements(state, from), MigrationCheck.Problems(state, from, to));
    }
}
