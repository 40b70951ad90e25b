using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Tests.Support;

/// <summary>How SQLite would run a query: the detail lines of EXPLAIN QUERY PLAN, joined with " | ".</summary>
internal static class QueryPlan
{
    public static async Task<string> OfAsync<T>(WorkflowDbContext db, IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        await using var reader = await command.ExecuteReaderAsync();
        var details = new List<string>();
        while (await reader.ReadAsync()) details.Add(reader.GetString(3));
        return string.Join(" | ", details);
    }
}
