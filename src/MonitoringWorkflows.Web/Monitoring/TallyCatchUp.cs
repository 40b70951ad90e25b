using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Monitoring;

/// <summary>
/// Folds the journal entries written since the last run into <see cref="MonitorTally"/> rows, a batch at a time, each
/// batch in one transaction with the mark that says how far it got. The journal is append-only and SQLite commits
/// one writer at a time, so entry ids arrive in order and a mark on the id never skips an entry. The step hot path
/// is left alone: a step writes its journal as before, and the tallies follow within seconds (the worker) or at once
/// (a monitor read catches up first).
/// </summary>
public sealed class TallyCatchUp(IDbContextFactory<WorkflowDbContext> contexts, WriteGate writes)
{
    public const int BatchSize = 20_000;

    private const string DeltaSql = """
        SELECT j."Id", j."Kind", j."ElementId", j."At", i."DefinitionVersionId", i."ParentInstanceId", c."DistrictId",
            CASE WHEN j."Kind" = 'ElementCompleted' THEN (
                SELECT e."At" FROM "JournalEntries" e
                WHERE e."InstanceId" = j."InstanceId" AND e."Id" < j."Id" AND e."Kind" = 'ElementEntered' AND e."ElementId" = j."ElementId"
                ORDER BY e."Id" DESC LIMIT 1) END
        FROM "JournalEntries" j
        JOIN "ProcessInstances" i ON i."Id" = j."InstanceId"
        LEFT JOIN "Cases" c ON c."Number" = i."BusinessKey"
        WHERE j."Id" > @from AND j."Id" <= @to
          AND j."Kind" IN ('FlowTaken', 'ElementCompleted', 'InstanceStarted', 'InstanceCompleted', 'InstanceTerminated', 'InstanceCancelled')
        """;

    private const string UpsertSql = """
        INSERT INTO "MonitorTallies" ("DistrictId", "DefinitionVersionId", "Kind", "ElementId", "Bucket", "Count", "TicksSum")
        VALUES (@d, @v, @k, @e, @b, @c, @t)
        ON CONFLICT ("DistrictId", "DefinitionVersionId", "Kind", "ElementId", "Bucket")
        DO UPDATE SET "Count" = "Count" + excluded."Count", "TicksSum" = "TicksSum" + excluded."TicksSum"
        """;

    /// <summary>Catches up at most <paramref name="maxBatches"/> batches; true when the tallies have reached the journal's end.</summary>
    public async Task<bool> RunAsync(int maxBatches, CancellationToken cancellationToken)
    {
        // Most reads find nothing new: they should not queue behind the steps for the write gate to learn that.
        if (await CaughtUpAsync(cancellationToken)) return true;
        for (var batch = 0; batch < maxBatches; batch++)
            if (await RunBatchAsync(cancellationToken)) return true;
        return false;
    }

    private async Task<bool> CaughtUpAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var mark = await ScalarAsync(connection, """SELECT "LastJournalId" FROM "MonitorMarks" WHERE "Id" = 1""", cancellationToken);
        return await ScalarAsync(connection, """SELECT COALESCE(MAX("Id"), 0) FROM "JournalEntries" """, cancellationToken) <= mark;
    }

    /// <summary>One batch; true when nothing was left after it.</summary>
    private Task<bool> RunBatchAsync(CancellationToken cancellationToken) => writes.RunAsync(async () =>
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var from = await ScalarAsync(connection, """SELECT "LastJournalId" FROM "MonitorMarks" WHERE "Id" = 1""", cancellationToken);
        var last = await ScalarAsync(connection, """SELECT COALESCE(MAX("Id"), 0) FROM "JournalEntries" """, cancellationToken);
        if (last <= from) return true;
        var to = Math.Min(last, from + BatchSize);
        var tallies = await ReadAsync(connection, from, to, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (key, value) in tallies) await UpsertAsync(connection, transaction, key, value, cancellationToken);
        await using (var mark = connection.CreateCommand())
        {
            mark.Transaction = transaction;
            mark.CommandText = """UPDATE "MonitorMarks" SET "LastJournalId" = @to WHERE "Id" = 1 AND "LastJournalId" = @from""";
            Add(mark, "@to", to);
            Add(mark, "@from", from);
            // Another host's catch-up got there first: drop this batch rather than count it twice.
            if (await mark.ExecuteNonQueryAsync(cancellationToken) != 1) return false;
        }
        await transaction.CommitAsync(cancellationToken);
        return to == last;
    }, cancellationToken);

    private static async Task<Dictionary<TallyKey, (long Count, long Ticks)>> ReadAsync(
        DbConnection connection, long from, long to, CancellationToken cancellationToken)
    {
        var tallies = new Dictionary<TallyKey, (long Count, long Ticks)>();
        await using var command = connection.CreateCommand();
        command.CommandText = DeltaSql;
        Add(command, "@from", from);
        Add(command, "@to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = new DeltaEntry(Enum.Parse<JournalKind>(reader.GetString(1)), reader.IsDBNull(2) ? "" : reader.GetString(2),
                reader.GetInt64(3), reader.GetInt64(4), !reader.IsDBNull(5), reader.IsDBNull(6) ? 0 : reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetInt64(7));
            foreach (var (key, ticks) in Tallies(entry))
            {
                var (count, sum) = tallies.GetValueOrDefault(key);
                tallies[key] = (count + 1, sum + ticks);
            }
        }
        return tallies;
    }

    private sealed record DeltaEntry(JournalKind Kind, string ElementId, long AtTicks, long VersionId, bool Called, int DistrictId, long? EnteredTicks);

    private readonly record struct TallyKey(int DistrictId, long VersionId, TallyKind Kind, string ElementId, int Bucket);

    private static IEnumerable<(TallyKey Key, long Ticks)> Tallies(DeltaEntry e)
    {
        switch (e.Kind)
        {
            case JournalKind.FlowTaken:
                yield return (new TallyKey(e.DistrictId, e.VersionId, TallyKind.Flow, e.ElementId, 0), 0);
                break;
            case JournalKind.ElementCompleted:
                yield return (new TallyKey(e.DistrictId, e.VersionId, TallyKind.Completed, e.ElementId, 0), 0);
                if (e.EnteredTicks is { } entered && e.AtTicks >= entered)
                    yield return (new TallyKey(e.DistrictId, e.VersionId, TallyKind.Stay, e.ElementId, StayBuckets.Of(e.AtTicks - entered)),
                        e.AtTicks - entered);
                break;
            case JournalKind.InstanceStarted when !e.Called:
                yield return (new TallyKey(e.DistrictId, e.VersionId, TallyKind.Opened, "", Month(e.AtTicks)), 0);
                break;
            case JournalKind.InstanceCompleted or JournalKind.InstanceTerminated or JournalKind.InstanceCancelled when !e.Called:
                yield return (new TallyKey(e.DistrictId, e.VersionId, TallyKind.Closed, "", Month(e.AtTicks)), 0);
                break;
        }
    }

    private static int Month(long utcTicks) => AzerbaijanTime.MonthOf(new DateTimeOffset(utcTicks, TimeSpan.Zero));

    private static async Task UpsertAsync(DbConnection connection, DbTransaction transaction, TallyKey key, (long Count, long Ticks) value,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = UpsertSql;
        Add(command, "@d", key.DistrictId);
        Add(command, "@v", key.VersionId);
        Add(command, "@k", ((char)key.Kind).ToString());
        Add(command, "@e", key.ElementId);
        Add(command, "@b", key.Bucket);
        Add(command, "@c", value.Count);
        Add(command, "@t", value.Ticks);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    internal static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}

/// <summary>
/// The histogram of stays: bucket 0 under a second, then four buckets per doubling (each about 19 % wider than the
/// last), so a percentile read from it is within 19 % of the exact one, from a few hundred counters per element.
/// </summary>
public static class StayBuckets
{
    public static int Of(long ticks)
    {
        var seconds = ticks / (double)TimeSpan.TicksPerSecond;
        return seconds < 1 ? 0 : 1 + (int)Math.Floor(Math.Log2(seconds) * 4);
    }

    /// <summary>The longest stay a bucket holds, in seconds.</summary>
    public static double UpperSeconds(int bucket) => bucket == 0 ? 1 : Math.Pow(2, bucket / 4.0);
}
