using Microsoft.Data.Sqlite;

namespace MonitoringWorkflows.Bench.Load.Seed;

/// <summary>
/// One prepared INSERT per table on one connection, and the clone of a whole case written through them. The columns are
/// those the template rows have, so a column another branch adds is cloned too.
/// </summary>
internal sealed class BulkTables(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> inserts = [];

    public long Rows { get; private set; }

    public SqliteTransaction? Transaction { get; set; }

    /// <summary>Writes one clone: its instances, its case row, then every row hanging off its instances.</summary>
    public void WriteCase(CompiledCase template, CloneContext clone, Func<long, long> instanceId, object?[] caseColumns,
        Action<CompiledRow, object?[]>? adjustTask)
    {
        foreach (var row in template.Instances.Rows) Insert(template.Instances, row, clone, instanceId, null);
        Insert(template.Case, template.Case.Rows[0], clone, instanceId, caseColumns);
        foreach (var table in template.Children)
        {
            var adjust = table.Table == "UserTasks" ? adjustTask : null;
            foreach (var row in table.Rows)
            {
                var values = Insert(table, row, clone, instanceId, null, adjust is null);
                if (adjust is null) continue;
                adjust(row, values);
                Execute(table, values);
            }
        }
    }

    /// <summary>The row's values; inserted at once unless the caller adjusts them first.</summary>
    private object?[] Insert(CompiledTable table, CompiledRow row, CloneContext clone, Func<long, long> instanceId, object?[]? extra,
        bool execute = true)
    {
        var values = new object?[row.Cells.Length + (extra?.Length ?? 0)];
        for (var i = 0; i < row.Cells.Length; i++) values[i] = row.Cells[i].Value(clone, instanceId);
        extra?.CopyTo(values, row.Cells.Length);
        if (execute) Execute(table, values);
        return values;
    }

    private void Execute(CompiledTable table, object?[] values)
    {
        var command = Command(table, values.Length);
        command.Transaction = Transaction;
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
        Rows++;
    }

    private SqliteCommand Command(CompiledTable table, int count)
    {
        if (inserts.TryGetValue(table.Table, out var command)) return command;
        var columns = table.Table == "Cases" ? table.Columns.Concat(CaseExtra).ToArray() : table.Columns;
        if (columns.Length != count) throw new InvalidOperationException($"{table.Table}: {count} values for {columns.Length} columns.");
        command = connection.CreateCommand();
        command.CommandText = $"""INSERT INTO "{table.Table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) """ +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < columns.Length; i++) command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        command.Prepare();
        inserts[table.Table] = command;
        return command;
    }

    /// <summary>The case columns the writer gives each clone, in this order.</summary>
    public static readonly string[] CaseExtra = ["Id", "Number", "DistrictId", "Year", "Sequence"];

    public void Dispose()
    {
        foreach (var command in inserts.Values) command.Dispose();
    }
}
