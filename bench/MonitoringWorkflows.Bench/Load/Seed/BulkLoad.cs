using Microsoft.Data.Sqlite;

namespace MonitoringWorkflows.Bench.Load.Seed;

/// <summary>
/// The file's settings while the history is written, and back after. No rollback journal and no syncs (a failed seed
/// is simply run again into an empty folder), one connection holding the file, a large page cache; the secondary
/// indexes of the written tables are dropped and rebuilt at the end (a sort each) instead of being updated entry by
/// entry in random order. The file goes back to WAL, as the web host keeps it.
/// </summary>
internal static class BulkLoad
{
    private static readonly string[] WrittenTables = ["ProcessInstances", "Cases", "UserTasks", "Timers", "JournalEntries", "OutboxMessages", "Incidents"];

    /// <summary>Switches the file to bulk mode and drops the indexes; returns them for <see cref="End"/>.</summary>
    public static List<(string Name, string Sql)> Begin(SqliteConnection connection)
    {
        Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; PRAGMA cache_size=-300000; PRAGMA temp_store=MEMORY;");
        var indexes = SecondaryIndexes(connection);
        foreach (var (name, _) in indexes) Execute(connection, $"DROP INDEX \"{name}\";");
        return indexes;
    }

    public static void End(SqliteConnection connection, List<(string Name, string Sql)> indexes)
    {
        foreach (var (_, sql) in indexes) Execute(connection, sql);
        // Cloned steps carry their template's district; each takes its own case's, as the runner would have written it.
        Execute(connection, MonitoringWorkflows.Web.Persistence.UserTaskDistrict.Backfill);
        // Copied cases get their victims' facts as intake would have written them (the figures count only those).
        Execute(connection, MonitoringWorkflows.Web.Figures.VictimFacts.Backfill);
        Execute(connection, "PRAGMA locking_mode=NORMAL; PRAGMA journal_mode=WAL;");
    }

    private static List<(string Name, string Sql)> SecondaryIndexes(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT "name", "sql" FROM "sqlite_master" WHERE "type" = 'index' AND "sql" IS NOT NULL
            AND "tbl_name" IN ({string.Join(", ", WrittenTables.Select(t => $"'{t}'"))})
            """;
        using var reader = command.ExecuteReader();
        var indexes = new List<(string, string)>();
        while (reader.Read()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        return indexes;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
