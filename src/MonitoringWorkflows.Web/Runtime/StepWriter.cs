using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Runtime;

/// <summary>Another step moved an instance first: its stored version is no longer the one this unit of work read.</summary>
internal sealed class ConcurrentStepException(long instanceId) : Exception($"Instance {instanceId} was changed by another step.");

/// <summary>
/// Writes a <see cref="ChangeSet"/> in one transaction with plain parameterized SQL: a completion is a handful of
/// statements, and EF's SaveChanges spent several times the engine's step on building them. The SQL is portable
/// (quoted names, RETURNING); timestamps are UTC ticks as <see cref="UtcTicksConverter"/> stores them.
/// </summary>
internal static class StepWriter
{
    public static Task WriteAsync(RunnerConnection runner, ChangeSet changes, CancellationToken cancellationToken) =>
        runner.RunAsync(async connection =>
        {
            // Taken on the connection itself (EF has nothing to track): on SQLite it begins IMMEDIATE.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await WriteAsync(new SqlBatch(runner, transaction, cancellationToken), changes);
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }, cancellationToken);

    /// <summary>
    /// Writes many units of work in one transaction, one durable commit for all: each inside its own savepoint, so one
    /// that fails (another step moved its instance first) is undone alone and the others commit. Returns which were written.
    /// </summary>
    public static Task<bool[]> WriteManyAsync(RunnerConnection runner, IReadOnlyList<ChangeSet> steps, Action<int, Exception> undone,
        CancellationToken cancellationToken) =>
        runner.RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var sql = new SqlBatch(runner, transaction, cancellationToken);
            var written = new bool[steps.Count];
            for (var i = 0; i < steps.Count; i++)
            {
                await transaction.SaveAsync(Savepoint, cancellationToken);
                try
                {
                    await WriteAsync(sql, steps[i]);
                    written[i] = true;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    await transaction.RollbackAsync(Savepoint, cancellationToken);
                    undone(i, exception);
                }
                await transaction.ReleaseAsync(Savepoint, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return written;
        }, cancellationToken);

    private const string Savepoint = "step";

    private static async Task WriteAsync(SqlBatch sql, ChangeSet changes)
    {
        foreach (var instance in changes.NewInstances) instance.Id = await InsertAsync(sql, instance);
        foreach (var (instance, readVersion, readStatus) in changes.ChangedInstances)
            await UpdateAsync(sql, instance, readVersion, readStatus);
        foreach (var id in changes.ChangedTasks) await UpdateAsync(sql, changes.LoadedTasks[id]);
        foreach (var id in changes.ChangedTimers) await UpdateAsync(sql, changes.LoadedTimers[id]);
        foreach (var task in changes.NewTasks) await InsertAsync(sql, task);
        foreach (var timer in changes.NewTimers) timer.Id = await InsertAsync(sql, timer);
        foreach (var chunk in changes.Journal.Chunk(JournalRowsPerStatement)) await InsertAsync(sql, chunk);
        foreach (var message in changes.Outbox) await InsertAsync(sql, message);
        foreach (var id in changes.ResolvedIncidents)
            await sql.ExecuteAsync("""UPDATE "Incidents" SET "ResolvedAt" = @p0 WHERE "Id" = @p1""", Now(changes), id);
    }

    private static long? Now(ChangeSet changes) => changes.ResolvedAt?.UtcTicks;

    private static Task<long> InsertAsync(SqlBatch sql, ProcessInstanceRecord i) => sql.InsertAsync("""
        INSERT INTO "ProcessInstances" ("DefinitionVersionId", "ParentInstanceId", "ParentTokenId", "BusinessKey", "Status",
            "StateJson", "Version", "StartedBy", "StartedAt", "EndedAt")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9) RETURNING "Id"
        """, i.DefinitionVersionId, i.ParentInstance?.Id ?? i.ParentInstanceId, i.ParentTokenId, i.BusinessKey, i.Status.ToString(),
        i.StateJson, i.Version, i.StartedBy, i.StartedAt.UtcTicks, i.EndedAt?.UtcTicks);

    /// <remarks>
    /// Status (and EndedAt, which changes with it) is set only when it changed: SQLite rewrites the entries of every
    /// index on a column the statement sets, even to the same value, and most steps leave the status as it was.
    /// </remarks>
    private static async Task UpdateAsync(SqlBatch sql, ProcessInstanceRecord i, int readVersion, ProcessInstanceStatus readStatus)
    {
        var rows = i.Status == readStatus
            ? await sql.ExecuteAsync("""
                UPDATE "ProcessInstances" SET "StateJson" = @p0, "Version" = @p1 WHERE "Id" = @p2 AND "Version" = @p3
                """, i.StateJson, i.Version, i.Id, readVersion)
            : await sql.ExecuteAsync("""
                UPDATE "ProcessInstances" SET "Status" = @p0, "StateJson" = @p1, "Version" = @p2, "EndedAt" = @p3
                WHERE "Id" = @p4 AND "Version" = @p5
                """, i.Status.ToString(), i.StateJson, i.Version, i.EndedAt?.UtcTicks, i.Id, readVersion);
        if (rows == 0) throw new ConcurrentStepException(i.Id);
    }

    private static Task UpdateAsync(SqlBatch sql, UserTaskRecord t) => sql.ExecuteAsync("""
        UPDATE "UserTasks" SET "Status" = @p0, "CompletedBy" = @p1, "CompletedAt" = @p2, "OutputJson" = @p3 WHERE "Id" = @p4
        """, t.Status.ToString(), t.CompletedBy, t.CompletedAt?.UtcTicks, t.OutputJson, t.Id);

    private static Task UpdateAsync(SqlBatch sql, TimerRecord t) => sql.ExecuteAsync("""
        UPDATE "Timers" SET "Status" = @p0, "FiredAt" = @p1 WHERE "Id" = @p2
        """, t.Status.ToString(), t.FiredAt?.UtcTicks, t.Id);

    /// <summary>The step takes its district from its instance's case (<see cref="UserTaskDistrict"/>), read in the same statement.</summary>
    private static Task InsertAsync(SqlBatch sql, UserTaskRecord t) => sql.ExecuteAsync($"""
        INSERT INTO "UserTasks" ("InstanceId", "TaskId", "ElementId", "Name", "Agency", "Role", "FormKey", "InputJson",
            "CreatedAt", "DueAt", "Status", "DistrictId")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, {UserTaskDistrict.OfInstance("@p0")})
        """, InstanceId(t.Instance, t.InstanceId), t.TaskId, t.ElementId, t.Name, t.Agency, t.Role, t.FormKey, t.InputJson,
        t.CreatedAt.UtcTicks, t.DueAt?.UtcTicks, t.Status.ToString());

    /// <summary>Returns the new row's id: the clock schedules the timer by it once the step has committed.</summary>
    private static Task<long> InsertAsync(SqlBatch sql, TimerRecord t) => sql.InsertAsync("""
        INSERT INTO "Timers" ("InstanceId", "TimerId", "ElementId", "DueAt", "Status")
        VALUES (@p0, @p1, @p2, @p3, @p4) RETURNING "Id"
        """, InstanceId(t.Instance, t.InstanceId), t.TimerId, t.ElementId, t.DueAt.UtcTicks, t.Status.ToString());

    /// <summary>A step writes several journal lines; one statement for all of them saves a prepare per line.</summary>
    private const int JournalRowsPerStatement = 64;

    private static Task InsertAsync(SqlBatch sql, JournalEntryRecord[] entries)
    {
        var rows = Enumerable.Range(0, entries.Length).Select(r => $"(@p{r * 7}, @p{r * 7 + 1}, @p{r * 7 + 2}, @p{r * 7 + 3}, @p{r * 7 + 4}, @p{r * 7 + 5}, @p{r * 7 + 6})");
        var values = entries.SelectMany(j => new object?[]
        {
            InstanceId(j.Instance, j.InstanceId), j.At.UtcTicks, j.Kind.ToString(), j.ElementId, j.Actor, j.Detail, j.DataJson,
        });
        return sql.ExecuteAsync(
            $"""INSERT INTO "JournalEntries" ("InstanceId", "At", "Kind", "ElementId", "Actor", "Detail", "DataJson") VALUES {string.Join(", ", rows)}""",
            values.ToArray());
    }

    private static Task InsertAsync(SqlBatch sql, OutboxMessageRecord o) => sql.ExecuteAsync("""
        INSERT INTO "OutboxMessages" ("InstanceId", "Kind", "ElementId", "PayloadJson", "CreatedAt")
        VALUES (@p0, @p1, @p2, @p3, @p4)
        """, InstanceId(o.Instance, o.InstanceId), o.Kind, o.ElementId, o.PayloadJson, o.CreatedAt.UtcTicks);

    private static long InstanceId(ProcessInstanceRecord? instance, long instanceId) => instance?.Id ?? instanceId;

    /// <summary>Runs the unit of work's statements in its transaction.</summary>
    private sealed class SqlBatch(RunnerConnection runner, DbTransaction transaction, CancellationToken cancellationToken)
    {
        public Task<int> ExecuteAsync(string text, params object?[] values) =>
            runner.Command(text, transaction, values).ExecuteNonQueryAsync(cancellationToken);

        public async Task<long> InsertAsync(string text, params object?[] values) =>
            Convert.ToInt64(await runner.Command(text, transaction, values).ExecuteScalarAsync(cancellationToken));
    }
}
