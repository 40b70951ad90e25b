using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Figures;

/// <summary>
/// Victims counted from <see cref="VictimFactRecord"/>. SQLite filters (every filter is in the WHERE clause) and gives
/// each victim one number packing its values of the requested dimensions; the numbers are counted here, in a hash
/// table. Grouping in SQLite sorts every victim in a temporary B-tree: over 905,917 victims that took about 1 s of CPU by
/// six dimensions, where reading one number per victim takes about a third of it.
/// </summary>
internal static class VictimFactQuery
{
    /// <summary>One group of victims alike in the requested dimensions (<see cref="ViolenceTypes"/> still as bits).</summary>
    internal readonly record struct Group(int DistrictId, int Month, string AgeGroup, string Sex, int ViolenceTypes, string Outcome);

    /// <summary>A dimension's place in the packed number: its bits from <paramref name="Shift"/>, and its value there in SQL.</summary>
    private sealed record Part(string Dimension, int Shift, int Bits, string Sql)
    {
        public int Of(long key) => (int)((key >> Shift) & ((1L << Bits) - 1));
    }

    /// <summary>The position of a code in its list, in SQL (anything else as the list's last code, "unknown").</summary>
    private static string CodeOf(string column, IReadOnlyList<string> codes) =>
        $"CASE {column} {string.Join(" ", codes.Select((code, i) => $"WHEN '{code}' THEN {i}"))} ELSE {codes.Count - 1} END";

    /// <summary>
    /// The outcome from the main instance, as a position in <see cref="FigureValues.Outcomes"/>: none is "not started";
    /// a running one (or one held by an incident) "open"; any other "closed". The running instances are read once per
    /// query from the index on the instances' status; looking up each victim's instance in the table of instances
    /// instead cost about 0.6 s of CPU warm and 8 s cold over the bench data.
    /// </summary>
    private static readonly string Outcome = $"""
        CASE WHEN f."ProcessInstanceId" IS NULL THEN {Index(FigureValues.Outcomes, CaseStates.NotStarted)}
             WHEN f."ProcessInstanceId" IN (SELECT "Id" FROM "ProcessInstances"
                  WHERE "Status" IN ('{nameof(ProcessInstanceStatus.Running)}', '{nameof(ProcessInstanceStatus.Incident)}'))
             THEN {Index(FigureValues.Outcomes, CaseStates.Open)}
             ELSE {Index(FigureValues.Outcomes, CaseStates.Closed)} END
        """;

    /// <summary>63 bits: district ids below 2^24, months (yyyymm) below 2^20, up to 12 types of violence.</summary>
    private static readonly IReadOnlyList<Part> Parts =
    [
        new(FigureDimensions.Outcome, 0, 2, Outcome),
        new(FigureDimensions.ViolenceType, 2, 12, "f.\"ViolenceTypes\""),
        new(FigureDimensions.Sex, 14, 2, CodeOf("f.\"Sex\"", FigureValues.Sexes)),
        new(FigureDimensions.AgeGroup, 16, 3, CodeOf("f.\"AgeGroup\"", AgeGroups.All)),
        new(FigureDimensions.Period, 19, 20, "f.\"Month\""),
        new(FigureDimensions.District, 39, 24, "f.\"DistrictId\""),
    ];

    public static async Task<Dictionary<Group, int>> CountAsync(WorkflowDbContext db, FigureFilter filter, CancellationToken cancellationToken)
    {
        var asked = Parts.Where(p => filter.Dimensions.Contains(p.Dimension)).ToList();
        var (where, parameters) = Conditions(filter);
        var counts = new Dictionary<long, int>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            var inIndex = InIndexOrder(asked, filter);
            command.CommandText = Sql(asked, where, inIndex);
            command.Parameters.AddRange(parameters.ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = reader.GetInt64(0);
                counts[key] = counts.GetValueOrDefault(key) + (inIndex ? reader.GetInt32(1) : 1);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return counts.ToDictionary(c => GroupOf(c.Key), c => c.Value);
    }

    /// <summary>One packed number per victim, or per group of (month, district) counted by SQLite.</summary>
    private static string Sql(IReadOnlyList<Part> asked, string where, bool inIndex) => $"""
        SELECT {(asked.Count == 0 ? "0" : string.Join(" | ", asked.Select(p => $"(({p.Sql}) << {p.Shift})")))}{(inIndex ? ", count(*)" : "")}
        FROM "VictimFacts" AS f WHERE {where}
        {(inIndex ? "GROUP BY f.\"Month\", f.\"DistrictId\"" : "")}
        """;

    /// <summary>
    /// By district and period only, and filtered by year and district only, SQLite groups in the order of the index on
    /// (Month, DistrictId) without sorting and without reading the table: a third of the CPU of counting here.
    /// </summary>
    private static bool InIndexOrder(IReadOnlyList<Part> asked, FigureFilter filter) =>
        asked.All(p => p.Dimension is FigureDimensions.District or FigureDimensions.Period)
        && filter is { ViolenceType: not { Length: > 0 }, AgeGroup: not { Length: > 0 }, Sex: not { Length: > 0 }, Outcome: not { Length: > 0 } };

    private static Group GroupOf(long key)
    {
        int Value(string dimension) => Parts.Single(p => p.Dimension == dimension).Of(key);
        return new Group(Value(FigureDimensions.District), Value(FigureDimensions.Period), AgeGroups.All[Value(FigureDimensions.AgeGroup)],
            FigureValues.Sexes[Value(FigureDimensions.Sex)], Value(FigureDimensions.ViolenceType), FigureValues.Outcomes[Value(FigureDimensions.Outcome)]);
    }

    private static int Index(IReadOnlyList<string> codes, string code) => codes.ToList().IndexOf(code);

    private static (string Where, List<SqliteParameter> Parameters) Conditions(FigureFilter filter)
    {
        var conditions = new List<string> { "1 = 1" };
        var parameters = new List<SqliteParameter>();
        void Add(string condition, string name, object value)
        {
            conditions.Add(condition);
            parameters.Add(new SqliteParameter(name, value));
        }
        if (filter.Year is { } year)
        {
            // From January of the year to before January of the next, both kept within the years a date can have.
            Add("f.\"Month\" >= $from AND f.\"Month\" < $to", "$from", Math.Clamp(year, 1, 9998) * 100 + 1);
            parameters.Add(new SqliteParameter("$to", (long)Math.Clamp((long)year + 1, 1, 9998) * 100 + 1));
        }
        if (filter.District is { } district && !string.IsNullOrWhiteSpace(district))
            Add("f.\"DistrictId\" = (SELECT \"Id\" FROM \"Districts\" WHERE \"Code\" = $district)", "$district", district);
        if (filter.AgeGroup is { Length: > 0 } age) Add("f.\"AgeGroup\" = $age", "$age", age);
        if (filter.Sex is { Length: > 0 } sex) Add("f.\"Sex\" = $sex", "$sex", sex);
        if (filter.ViolenceType is { Length: > 0 } type) Add("(f.\"ViolenceTypes\" & $type) <> 0", "$type", ViolenceTypeBits.Of(type));
        if (filter.Outcome is { Length: > 0 } outcome) Add($"({Outcome}) = $outcome", "$outcome", Index(FigureValues.Outcomes, outcome));
        return (string.Join(" AND ", conditions), parameters);
    }
}
