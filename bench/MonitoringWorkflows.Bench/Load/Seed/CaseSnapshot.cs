using Microsoft.Data.Sqlite;

namespace MonitoringWorkflows.Bench.Load.Seed;

/// <summary>Rows of one table as read: column names and values (long, double, string or null).</summary>
internal sealed class TableRows(string table, string[] columns, List<object?[]> rows)
{
    public string Table { get; } = table;
    public string[] Columns { get; } = columns;
    public List<object?[]> Rows { get; } = rows;

    public int Column(string name) => Array.IndexOf(Columns, name);

    public static TableRows Read(SqliteConnection connection, string table, string where, string caseNumber)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT * FROM "{table}" WHERE {where} ORDER BY "Id" """;
        command.Parameters.AddWithValue("$case", caseNumber);
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return new TableRows(table, columns, rows);
    }
}

/// <summary>
/// Everything one case had in the database at one moment of its life, as the real runner wrote it: the case row, its
/// process instances (the referral and the processes it called) and their tasks, timers, journal and outbox.
/// </summary>
internal sealed class CaseSnapshot
{
    private const string OfCase = """ "InstanceId" IN (SELECT "Id" FROM "ProcessInstances" WHERE "BusinessKey" = $case) """;

    /// <summary>Tables whose rows hang off an instance, in the order they can be inserted.</summary>
    public static readonly string[] InstanceTables = ["UserTasks", "Timers", "JournalEntries", "OutboxMessages", "Incidents"];

    public required string Variant { get; init; }
    public required string CaseNumber { get; init; }
    public required TableRows Case { get; init; }
    public required TableRows Instances { get; init; }
    public required IReadOnlyList<TableRows> Children { get; init; }

    /// <summary>The referral itself has ended: a case of the closed history.</summary>
    public bool Completed { get; init; }

    /// <summary>Open tasks at this moment (the running cases' inbox items).</summary>
    public int OpenTasks { get; init; }

    /// <summary>The seeder's clock when the snapshot was taken.</summary>
    public DateTimeOffset Moment { get; init; }

    public static CaseSnapshot Read(SqliteConnection connection, string variant, string caseNumber, DateTimeOffset moment)
    {
        var instances = TableRows.Read(connection, "ProcessInstances", "\"BusinessKey\" = $case", caseNumber);
        var children = InstanceTables.Select(t => TableRows.Read(connection, t, OfCase, caseNumber)).ToList();
        var tasks = children[0];
        var status = tasks.Column("Status");
        var main = instances.Rows.First(r => r[instances.Column("ParentInstanceId")] is null);
        return new CaseSnapshot
        {
            Variant = variant, CaseNumber = caseNumber, Moment = moment,
            Case = TableRows.Read(connection, "Cases", "\"Number\" = $case", caseNumber),
            Instances = instances, Children = children,
            Completed = (string?)main[instances.Column("Status")] == "Completed",
            OpenTasks = tasks.Rows.Count(r => (string?)r[status] == "Open"),
        };
    }
}
