using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MonitoringWorkflows.Web.Definitions;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Bench.Sqlite;

/// <summary>
/// The web host's persistence and runtime services (what <c>Program.cs</c> registers for them) on a SQLite file in a
/// temporary folder, migrated and in WAL mode, with the given <c>synchronous</c> setting. Deleted on dispose.
/// </summary>
internal sealed class RunnerOnSqlite : IAsyncDisposable
{
    private readonly IHost host;

    private RunnerOnSqlite(IHost host, string folder)
    {
        this.host = host;
        Folder = folder;
    }

    public string Folder { get; }
    public WorkflowRunner Runner => host.Services.GetRequiredService<WorkflowRunner>();
    public string DatabaseFile => Path.Combine(Folder, "data", "bench.db");

    public static async Task<RunnerOnSqlite> StartAsync(string synchronous, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("mw-bench-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Folder"] = "data",
            ["Data:DatabaseFile"] = "bench.db",
            ["Data:Synchronous"] = synchronous,
            ["Workflows:Folder"] = Path.Combine(folder, "no-workflows"),
        });
        builder.Services.AddLogging();
        builder.Services.AddPersistence(builder.Configuration);
        builder.Services.AddWorkflowRuntime();
        builder.Services.AddWorkflowDefinitions(builder.Configuration);
        var created = new RunnerOnSqlite(builder.Build(), folder);
        await created.host.Services.MigrateDatabaseAsync(cancellationToken);
        return created;
    }

    public WorkflowDbContext Db() => host.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();

    /// <summary>Publishes a process as version 1, as the importer or the designer would.</summary>
    public async Task PublishAsync(string key, string xml, CancellationToken cancellationToken)
    {
        await using var db = Db();
        db.ProcessDefinitions.Add(new ProcessDefinitionRecord
        {
            Key = key, Version = 1, Status = DefinitionStatus.Published, Name = key, BpmnXml = xml,
            CreatedBy = "bench", CreatedAt = DateTimeOffset.UtcNow, PublishedBy = "bench", PublishedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The row ids of the open tasks, oldest first.</summary>
    public async Task<List<long>> OpenTaskIdsAsync(CancellationToken cancellationToken)
    {
        await using var db = Db();
        return await db.UserTasks.AsNoTracking().Where(t => t.Status == UserTaskStatus.Open)
            .OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        // Pooled connections keep the file open until the pool is cleared.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
