using System.Text.Json;
using MonitoringWorkflows.Web.Cases;

namespace MonitoringWorkflows.Bench.Load.Seed;

/// <summary>How one cell of a template row becomes the clone's value.</summary>
internal abstract class Cell
{
    public abstract object? Value(CloneContext clone, Func<long, long> instanceId);

    public sealed class Constant(object? value) : Cell
    {
        public override object? Value(CloneContext clone, Func<long, long> instanceId) => value;
    }

    public sealed class Text(TextTemplate template) : Cell
    {
        public override object? Value(CloneContext clone, Func<long, long> instanceId) => template.Render(clone);
    }

    /// <summary>A timestamp column (UTC ticks), moved by the clone's shift.</summary>
    public sealed class Time(long ticks) : Cell
    {
        public override object? Value(CloneContext clone, Func<long, long> instanceId) => ticks + clone.Shift.Ticks;
    }

    /// <summary>A reference to one of the case's instances, which the clone gives new ids.</summary>
    public sealed class Instance(long id) : Cell
    {
        public override object? Value(CloneContext clone, Func<long, long> instanceId) => instanceId(id);
    }
}

/// <summary>A template row ready to clone: its cells in the order of the table's insert statement.</summary>
internal sealed record CompiledRow(Cell[] Cells, string? Status, string? Agency, string? Role);

/// <summary>A template table ready to clone: the columns inserted and the rows.</summary>
internal sealed record CompiledTable(string Table, string[] Columns, List<CompiledRow> Rows);

/// <summary>
/// A <see cref="CaseSnapshot"/> compiled for cloning. Ids of rows are left to SQLite except those of instances and
/// the case, which the writer assigns itself so that rows can refer to them.
/// </summary>
internal sealed class CompiledCase
{
    private static readonly HashSet<string> InstanceReferences = ["InstanceId", "ParentInstanceId", "ProcessInstanceId"];

    public required CaseSnapshot Snapshot { get; init; }
    public required CompiledTable Case { get; init; }
    public required CompiledTable Instances { get; init; }
    public required IReadOnlyList<CompiledTable> Children { get; init; }

    /// <summary>The template's instance ids in order: a clone's instance i gets the writer's next id + i.</summary>
    public required long[] InstanceIds { get; init; }

    /// <summary>When the snapshot was taken (the seeder's clock).</summary>
    public DateTimeOffset Moment { get; init; }

    /// <summary>For a running case: how long after the snapshot its first open task falls due.</summary>
    public TimeSpan DueLeft { get; init; }

    public static CompiledCase Compile(CaseSnapshot snapshot, Func<string, bool> keepJournalKind)
    {
        var caseRow = snapshot.Case.Rows[0];
        var report = JsonSerializer.Deserialize<ReportInput>((string)caseRow[snapshot.Case.Column("ReportJson")]!, CaseIntakeJson.Options)!;
        var terms = new TemplateTerms(snapshot.CaseNumber, report.ReporterName!, report.ReporterContact!);
        var children = snapshot.Children.Select(t => Table(t, terms, keepExplicitId: false,
            t.Table == "JournalEntries" ? row => keepJournalKind((string)row[t.Column("Kind")]!) : null)).ToList();
        var moment = snapshot.Moment;
        var tasks = snapshot.Children[0];
        var openDue = tasks.Rows.Where(r => (string?)r[tasks.Column("Status")] == "Open" && r[tasks.Column("DueAt")] is long)
            .Select(r => new DateTimeOffset((long)r[tasks.Column("DueAt")]!, TimeSpan.Zero)).DefaultIfEmpty(moment.AddDays(7)).Min();
        return new CompiledCase
        {
            Snapshot = snapshot,
            Case = Table(snapshot.Case, terms, keepExplicitId: false, null),
            Instances = Table(snapshot.Instances, terms, keepExplicitId: true, null),
            Children = children,
            InstanceIds = snapshot.Instances.Rows.Select(r => (long)r[snapshot.Instances.Column("Id")]!).ToArray(),
            Moment = moment,
            DueLeft = openDue - moment,
        };
    }

    private static CompiledTable Table(TableRows rows, TemplateTerms terms, bool keepExplicitId, Func<object?[], bool>? keep)
    {
        // The writer sets the case's own columns (id, number, district, year, sequence) itself.
        var columns = rows.Columns.Where(c => (c != "Id" || keepExplicitId) && !(rows.Table == "Cases" && CaseColumns.Contains(c))).ToArray();
        var indexes = columns.Select(rows.Column).ToArray();
        var compiled = rows.Rows.Where(r => keep?.Invoke(r) ?? true)
            .Select(r => new CompiledRow(indexes.Select(i => CellOf(rows.Columns[i], r[i], terms)).ToArray(),
                Get(rows, r, "Status"), Get(rows, r, "Agency"), Get(rows, r, "Role")))
            .ToList();
        return new CompiledTable(rows.Table, columns, compiled);
    }

    /// <summary>Columns of the case row that the writer fills in per clone.</summary>
    public static readonly HashSet<string> CaseColumns = ["Id", "Number", "DistrictId", "Year", "Sequence"];

    private static Cell CellOf(string column, object? value, TemplateTerms terms) => value switch
    {
        _ when (column == "Id" || InstanceReferences.Contains(column)) && value is long id => new Cell.Instance(id),
        long ticks when column.EndsWith("At", StringComparison.Ordinal) => new Cell.Time(ticks),
        string text when TextTemplate.Of(text, terms) is { } template => new Cell.Text(template),
        _ => new Cell.Constant(value),
    };

    private static string? Get(TableRows rows, object?[] row, string column) =>
        rows.Column(column) is var i and >= 0 ? row[i] as string : null;
}

/// <summary>The options the intake stores reports with (letters of every script kept as typed).</summary>
internal static class CaseIntakeJson
{
    public static JsonSerializerOptions Options => CaseIntake.ReportJson;
}
