using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Tests.Support;
using static MonitoringWorkflows.Web.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Web.Tests.Persistence;

public sealed class SqliteStorageTests
{
    [Fact]
    public async Task Connection_DefaultSettings_IsWalWithSynchronousFull()
    {
        await using var host = await RunnerHost.StartAsync();
        await using var db = host.Db();

        Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
        Assert.Equal(2L, await PragmaAsync(db, "synchronous"));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(db.Database.GetDbConnection().DataSource)!, "monitoring.db")));
    }

    [Fact]
    public async Task Connection_SynchronousSetting_IsAppliedToEveryConnection()
    {
        await using var host = await RunnerHost.StartAsync(new Dictionary<string, string?> { ["Data:Synchronous"] = "normal" });
        await using var first = host.Db();
        await using var second = host.Db();

        Assert.Equal(1L, await PragmaAsync(first, "synchronous"));
        Assert.Equal(1L, await PragmaAsync(second, "synchronous"));
    }

    [Fact]
    public async Task Connection_ReopenedFromThePoolOrOpenedAnew_StillHasTheSetting()
    {
        // The pragma runs once per native connection: a pooled one keeps it, a new one gets it.
        await using var host = await RunnerHost.StartAsync(new Dictionary<string, string?> { ["Data:Synchronous"] = "normal" });
        await using var db = host.Db();
        Assert.Equal(1L, await PragmaAsync(db, "synchronous"));
        await db.Database.CloseConnectionAsync();
        var pooled = await PragmaAsync(db, "synchronous");
        await db.Database.CloseConnectionAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var fresh = await PragmaAsync(db, "synchronous");

        Assert.Equal(1L, pooled);
        Assert.Equal(1L, fresh);
    }

    [Fact]
    public async Task RunnerConnection_DefaultSettings_CommitsDurablyInWal()
    {
        // The runner writes on its own long-lived connection: it must carry the same durability as the others.
        await using var host = await RunnerHost.StartAsync();
        var runner = host.Services.GetRequiredService<RunnerConnection>();

        var (journal, synchronous) = await runner.RunAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            var mode = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous;";
            return (mode, (long)(await command.ExecuteScalarAsync())!);
        }, CancellationToken.None);

        Assert.Equal("wal", journal);
        Assert.Equal(2L, synchronous);
    }

    [Fact]
    public async Task Timestamps_StoredAsUtcTicks_CompareAndOrderInSqlAcrossOffsets()
    {
        await using var host = await RunnerHost.StartAsync(("wait", Sequence("wait", UserTask("A"))));
        var id = await host.StartAsync("wait");
        var baku = TimeSpan.FromHours(4);
        await using (var db = host.Db())
        {
            db.Timers.AddRange(
                new TimerRecord { InstanceId = id, TimerId = 1, ElementId = "late", DueAt = new DateTimeOffset(2026, 11, 25, 12, 0, 0, baku) },
                new TimerRecord { InstanceId = id, TimerId = 2, ElementId = "early", DueAt = new DateTimeOffset(2026, 11, 25, 7, 30, 0, TimeSpan.Zero) },
                new TimerRecord { InstanceId = id, TimerId = 3, ElementId = "future", DueAt = new DateTimeOffset(2026, 11, 26, 0, 0, 0, baku) });
            await db.SaveChangesAsync();
        }
        var cutoff = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

        await using var check = host.Db();
        var due = await check.Timers.Where(t => t.DueAt <= cutoff).OrderBy(t => t.DueAt).Select(t => t.ElementId).ToListAsync();

        // 12:00 in Baku is 08:00 UTC: due, and after 07:30 UTC; midnight in Baku is 20:00 UTC, not due yet.
        Assert.Equal(["early", "late"], due);
        Assert.Equal("integer", await check.Database.SqlQueryRaw<string>("""SELECT typeof("DueAt") AS "Value" FROM "Timers" LIMIT 1""").SingleAsync());
        Assert.Equal(TimeSpan.Zero, (await check.Timers.FirstAsync(t => t.ElementId == "late")).DueAt.Offset);
    }

    private static async Task<object?> PragmaAsync(DbContext db, string name)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return await command.ExecuteScalarAsync();
    }
}
