using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using MonitoringWorkflows.Web.Cases;

namespace MonitoringWorkflows.Bench.Load.Seed;

/// <summary>
/// Writes the history: clones of the closed template cases until the closed instances reach the target, then clones of
/// the waiting ones until the open tasks do, each in a district, at a time and with a case number of its own. One
/// connection, prepared statements, big transactions, no journal and no syncs (the file is switched back to WAL at
/// the end, as the web host keeps it).
/// </summary>
internal sealed class HistoryWriter(SqliteConnection connection, HistoryPlan plan, IReadOnlyList<BenchDistrict> districts, TextWriter log)
{
    /// <summary>
    /// Journal lines kept for cloned cases: what the case timeline and audit show (starts, ends, tasks done, timers,
    /// messages, variables). Entering elements and taking flows are half of the lines and only the diagram overlay of
    /// a live case needs them; running clones keep every line.
    /// </summary>
    private static readonly HashSet<string> HistoryJournalKinds =
        ["InstanceStarted", "ElementCompleted", "VariablesChanged", "TimerFired", "MessageReceived", "ErrorThrown",
         "InstanceCompleted", "InstanceTerminated", "InstanceCancelled"];

    private readonly Random random = new(42);
    private readonly Dictionary<(int, int), int> sequences = [];
    private readonly CloneContext clone = new();
    private Dictionary<string, string> userIds = [];
    private long nextInstanceId;
    private long nextCaseId;

    public static string Write(string database, HistoryPlan plan, IReadOnlyList<BenchDistrict> districts, IReadOnlyList<CaseSnapshot> snapshots,
        TextWriter log)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        var indexes = BulkLoad.Begin(connection);
        var summary = new HistoryWriter(connection, plan, districts, log).WriteAll(snapshots);
        var clock = Stopwatch.StartNew();
        BulkLoad.End(connection, indexes);
        log.WriteLine($"  {indexes.Count} indexes rebuilt in {clock.Elapsed.TotalSeconds:F0} s");
        return summary;
    }

    private string WriteAll(IReadOnlyList<CaseSnapshot> snapshots)
    {
        nextInstanceId = Scalar("""SELECT COALESCE(MAX("Id"), 0) + 1 FROM "ProcessInstances" """);
        nextCaseId = Scalar("""SELECT COALESCE(MAX("Id"), 0) + 1 FROM "Cases" """);
        userIds = UserIds();
        var closed = snapshots.Where(s => s.Completed).Select(s => CompiledCase.Compile(s, HistoryJournalKinds.Contains)).ToList();
        var waiting = snapshots.Where(s => s.OpenTasks > 0).Select(s => CompiledCase.Compile(s, _ => true)).ToList();
        var clock = Stopwatch.StartNew();
        using var tables = new BulkTables(connection);
        var (closedCases, closedInstances) = WriteClosed(tables, closed);
        log.WriteLine($"  closed: {closedCases:N0} cases, {closedInstances:N0} instances, {tables.Rows:N0} rows in {clock.Elapsed.TotalSeconds:F0} s");
        var (runningCases, openTasks, overdue, claimed) = WriteRunning(tables, waiting);
        log.WriteLine($"  running: {runningCases:N0} cases, {openTasks:N0} open tasks ({overdue:N0} overdue, {claimed:N0} claimed); {tables.Rows:N0} rows in all, {clock.Elapsed.TotalSeconds:F0} s");
        tables.Transaction?.Commit();
        tables.Transaction = null;
        WriteCounters();
        return string.Create(CultureInfo.InvariantCulture,
            $"{closedCases + runningCases:N0} cases, {closedInstances:N0} closed instances, {openTasks:N0} open tasks, {tables.Rows:N0} rows");
    }

    private (int Cases, long Instances) WriteClosed(BulkTables tables, List<CompiledCase> closed)
    {
        var weights = closed.Select(c => Weight(c.Snapshot.Variant)).ToArray();
        var perCase = closed.Select((c, i) => c.InstanceIds.Length * weights[i]).Sum() / weights.Sum();
        var step = (plan.HistoryEnd - plan.HistoryStart) / (plan.CompletedInstances / perCase);
        var cases = 0;
        long instances = 0;
        while (instances < plan.CompletedInstances)
        {
            var template = closed[Pick(weights)];
            var created = plan.HistoryStart + step * cases + step * random.NextDouble();
            WriteClone(tables, template, created - CreatedAt(template), null, cases);
            instances += template.InstanceIds.Length;
            if (++cases % 100_000 == 0) log.WriteLine($"    {cases:N0} closed cases, {instances:N0} instances");
        }
        Commit(tables);
        return (cases, instances);
    }

    private (int Cases, int Tasks, int Overdue, int Claimed) WriteRunning(BulkTables tables, List<CompiledCase> waiting)
    {
        var weights = waiting.Select(c => Weight(c.Snapshot.Variant)).ToArray();
        var planned = new List<(CompiledCase Template, TimeSpan Shift, bool Overdue)>();
        for (var tasks = 0; tasks < plan.OpenTasks;)
        {
            var template = waiting[Pick(weights)];
            var overdue = random.NextDouble() < plan.OverdueShare;
            // The moment of the snapshot lands so far back that its first open task is overdue, or not yet.
            var age = overdue ? template.DueLeft + TimeSpan.FromHours(1 + random.NextDouble() * 240)
                : template.DueLeft * (random.NextDouble() * 0.9);
            planned.Add((template, plan.Now - age - template.Moment, overdue));
            tasks += template.Snapshot.OpenTasks;
        }
        // Numbered in the order the cases were reported, as the intake would have numbered them.
        planned.Sort((a, b) => (CreatedAt(a.Template) + a.Shift).CompareTo(CreatedAt(b.Template) + b.Shift));
        var (open, claimed) = (0, 0);
        var cases = 0;
        foreach (var (template, shift, _) in planned)
        {
            WriteClone(tables, template, shift, (row, values) =>
            {
                if (row.Status != "Open") return;
                open++;
                if (random.NextDouble() >= plan.ClaimedShare) return;
                claimed++;
                Claim(template, row, values);
            }, cases++);
        }
        Commit(tables);
        return (cases, open, planned.Count(p => p.Overdue), claimed);
    }

    private void Claim(CompiledCase template, CompiledRow row, object?[] values)
    {
        var columns = template.Children[0].Columns;
        var local = BenchOrganisation.Members.FirstOrDefault(m => m.Agency is not null && m.Agency == row.Agency).Local
            ?? (row.Role == "Secretary" ? "secretary" : "chair");
        // A claim names the user by id (what the inbox compares with the signed-in user), not by login.
        values[Array.IndexOf(columns, "ClaimedBy")] = userIds[$"{local}.{clone.DistrictSuffix}@{BenchOrganisation.Domain}"];
        values[Array.IndexOf(columns, "ClaimedAt")] = (long)values[Array.IndexOf(columns, "CreatedAt")]! + TimeSpan.FromMinutes(30 + random.Next(600)).Ticks;
    }

    private void WriteClone(BulkTables tables, CompiledCase template, TimeSpan shift, Action<CompiledRow, object?[]>? adjustTask, int index)
    {
        if (index % plan.CasesPerTransaction == 0) Commit(tables);
        var district = districts[random.Next(districts.Count)];
        var created = AzerbaijanTime.Of(CreatedAt(template) + shift);
        var key = (district.Id, created.Year);
        var sequence = sequences[key] = sequences.GetValueOrDefault(key) + 1;
        clone.CaseNumber = string.Create(CultureInfo.InvariantCulture, $"{district.Code}-{created.Year}-{sequence:0000}");
        clone.Shift = TimeSpan.FromSeconds(Math.Round(shift.TotalSeconds));
        clone.DistrictSuffix = district.Suffix;
        clone.ReporterName = ReporterNames.Name(random);
        clone.ReporterContact = ReporterNames.Contact(random);
        var firstId = nextInstanceId;
        var ids = template.InstanceIds;
        nextInstanceId += ids.Length;
        tables.WriteCase(template, clone, id => firstId + Array.IndexOf(ids, id),
            [nextCaseId++, clone.CaseNumber, district.Id, created.Year, sequence], adjustTask);
    }

    private void Commit(BulkTables tables)
    {
        tables.Transaction?.Commit();
        tables.Transaction?.Dispose();
        tables.Transaction = connection.BeginTransaction();
    }

    /// <summary>The intake's counters continue after the generated numbers, so a report recorded later gets the next one.</summary>
    private void WriteCounters()
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """INSERT OR REPLACE INTO "CaseNumberCounters" ("DistrictId", "Year", "LastSequence") VALUES ($d, $y, $s)""";
        foreach (var ((district, year), last) in sequences)
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$d", district);
            command.Parameters.AddWithValue("$y", year);
            command.Parameters.AddWithValue("$s", last);
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private DateTimeOffset CreatedAt(CompiledCase template) =>
        new((long)template.Snapshot.Case.Rows[0][template.Snapshot.Case.Column("CreatedAt")]!, TimeSpan.Zero);

    private int Weight(string variant) => plan.Variants.Single(v => v.Name == variant).Weight;

    private int Pick(int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
            if ((roll -= weights[i]) < 0) return i;
        return weights.Length - 1;
    }

    private Dictionary<string, string> UserIds()
    {
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Email", "Id" FROM "AspNetUsers" WHERE "Email" IS NOT NULL""";
        using var reader = command.ExecuteReader();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read()) ids[reader.GetString(0)] = reader.GetString(1);
        return ids;
    }

    private long Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
