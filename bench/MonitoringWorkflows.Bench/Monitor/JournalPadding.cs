using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace MonitoringWorkflows.Bench.Monitor;

/// <summary>
/// Brings the journal up to a size: the seeded history keeps only part of each case's lines (no flows taken), so the
/// padding adds the referral's flows taken by closed main instances, as a full journal would hold them.
/// </summary>
internal static class JournalPadding
{
    private static readonly string[] Flows =
        ["Flow_ToScreening", "Flow_ToScoring", "Flow_ToJudgementCheck", "Flow_JudgementReasoned", "Flow_Low", "Flow_FollowUpDone",
         "Flow_ToClosureApproval", "Flow_ToClosureDecision", "Flow_ClosureApproved"];

    public static async Task FillAsync(string database, long target, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        var count = await ScalarAsync(connection, """SELECT COALESCE(MAX("Id"), 0) FROM "JournalEntries" """, cancellationToken);
        if (count >= target)
        {
            Console.WriteLine($"journal already holds {count:N0} entries (target {target:N0}): nothing added");
            return;
        }
        var clock = Stopwatch.StartNew();
        foreach (var flow in Flows)
        {
            var missing = target - count;
            if (missing <= 0) break;
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO "JournalEntries" ("InstanceId", "At", "Kind", "ElementId", "Actor")
                SELECT "Id", "StartedAt", 'FlowTaken', @flow, 'bench' FROM "ProcessInstances"
                WHERE "ParentInstanceId" IS NULL AND "Status" = 'Completed' LIMIT @n
                """;
            insert.Parameters.AddWithValue("@flow", flow);
            insert.Parameters.AddWithValue("@n", missing);
            count += await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        Console.WriteLine($"journal padded to {count:N0} entries in {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>Appends copies of the journal's last <paramref name="count"/> entries (new ids), as new work would.</summary>
    public static async Task<long> AppendCopiesAsync(string database, int count, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO "JournalEntries" ("InstanceId", "At", "Kind", "ElementId", "Actor", "Detail", "DataJson")
            SELECT "InstanceId", "At", "Kind", "ElementId", "Actor", "Detail", "DataJson" FROM "JournalEntries"
            WHERE "Id" > (SELECT MAX("Id") FROM "JournalEntries") - @n ORDER BY "Id"
            """;
        insert.Parameters.AddWithValue("@n", count);
        return await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }
}
