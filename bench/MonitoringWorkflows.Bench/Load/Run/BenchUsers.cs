using Microsoft.Data.Sqlite;
using MonitoringWorkflows.Bench.Load.Seed;
using MonitoringWorkflows.Web.Organisation;

namespace MonitoringWorkflows.Bench.Load.Run;

/// <summary>A seeded login a client signs in as, with open tasks it may open and cases of its district to look at.</summary>
internal sealed record BenchUser(string Email, string Role, string? Agency, int DistrictId, IReadOnlyList<long> Tasks, IReadOnlyList<string> Cases);

/// <summary>
/// Picks the logins of the seeded districts for the clients (agency members, chairs, secretaries and registrars in
/// turn, each from another district) and reads, from the database before the host starts, what their requests point
/// at: open tasks of their agency or role in their district, and cases of their district (for agency members, the
/// cases of their tasks).
/// </summary>
internal static class BenchUsers
{
    private const int Sample = 200;

    private static readonly string[] Order = ["police", "social", "chair", "health", "secretary", "education", "prosecutor", "registrar"];

    /// <param name="wanted">Whether a role has anything to ask for in the mix: users of other roles are not picked.</param>
    public static List<BenchUser> Read(string database, int count, Func<string, bool> wanted)
    {
        var order = Order.Where(local => wanted(BenchOrganisation.Members.Single(m => m.Local == local).Role)).ToArray();
        if (order.Length == 0) throw new ArgumentException("No role may ask for any request of the mix.");
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var districts = Query(connection, """SELECT "Id", "Code" FROM "Districts" WHERE "Code" <> 'DEMO' ORDER BY "Id" """,
            r => new BenchDistrict(r.GetInt32(0), r.GetString(1)));
        if (districts.Count == 0) throw new InvalidOperationException($"{database} has no seeded districts: run the seed mode first.");
        var users = new List<BenchUser>();
        for (var i = 0; i < count; i++)
        {
            var local = order[i % order.Length];
            var district = districts[(i + i / order.Length) % districts.Count];
            var (_, role, agency) = BenchOrganisation.Members.Single(m => m.Local == local);
            var tasks = OpenTasks(connection, district.Id, role, agency);
            var cases = agency is null ? DistrictCases(connection, district.Id, i) : TaskCases(connection, tasks);
            users.Add(new BenchUser(BenchOrganisation.Login(local, district), role, agency, district.Id, tasks, cases));
        }
        return users;
    }

    private static List<long> OpenTasks(SqliteConnection connection, int districtId, string role, string? agency)
    {
        var filter = agency is not null ? "t.\"Agency\" = $who" : "t.\"Role\" = $who";
        if (agency is null && role is not (Roles.Chair or Roles.Secretary)) return [];
        return Query(connection, $"""
            SELECT t."Id" FROM "UserTasks" t JOIN "ProcessInstances" i ON i."Id" = t."InstanceId"
            JOIN "Cases" c ON c."Number" = i."BusinessKey"
            WHERE t."Status" = 'Open' AND {filter} AND c."DistrictId" = $district LIMIT {Sample}
            """, r => r.GetInt64(0), ("$who", agency ?? role), ("$district", districtId));
    }

    private static List<string> TaskCases(SqliteConnection connection, List<long> tasks) => tasks.Count == 0 ? [] : Query(connection, $"""
        SELECT DISTINCT i."BusinessKey" FROM "UserTasks" t JOIN "ProcessInstances" i ON i."Id" = t."InstanceId"
        WHERE t."Id" IN ({string.Join(",", tasks)})
        """, r => r.GetString(0));

    /// <summary>Cases spread over the whole history: ids sampled at random, those of the district kept.</summary>
    private static List<string> DistrictCases(SqliteConnection connection, int districtId, int seed)
    {
        var last = Query(connection, """SELECT MAX("Id") FROM "Cases" """, r => r.GetInt64(0))[0];
        var random = new Random(seed);
        var ids = Enumerable.Range(0, Sample * 20).Select(_ => random.NextInt64(1, last + 1));
        return Query(connection, $"""SELECT "Number" FROM "Cases" WHERE "DistrictId" = $district AND "Id" IN ({string.Join(",", ids)})""",
            r => r.GetString(0), ("$district", districtId));
    }

    private static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, params (string, object)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }
}
