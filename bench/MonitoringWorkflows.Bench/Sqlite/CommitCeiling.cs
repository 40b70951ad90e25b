using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace MonitoringWorkflows.Bench.Sqlite;

/// <summary>
/// The raw commit ceiling of this disk: a loop of tiny INSERT transactions on another temporary SQLite file with the
/// same pragmas as the application's database (WAL, the same <c>synchronous</c>).
/// </summary>
internal static class CommitCeiling
{
    public static Throughput Measure(string synchronous, TimeSpan duration)
    {
        var folder = Directory.CreateTempSubdirectory("mw-bench-ceiling-").FullName;
        try
        {
            using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "ceiling.db")};Pooling=False");
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL;");
            Execute(connection, $"PRAGMA synchronous={synchronous};");
            Execute(connection, "CREATE TABLE commits (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, note TEXT NOT NULL);");
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO commits (at, note) VALUES ($at, 'tiny');";
            var at = insert.Parameters.Add("$at", SqliteType.Integer);
            return Throughput.Measure(duration, _ =>
            {
                using var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                at.Value = Stopwatch.GetTimestamp();
                insert.ExecuteNonQuery();
                transaction.Commit();
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
