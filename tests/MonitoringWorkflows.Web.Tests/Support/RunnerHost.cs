using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MonitoringWorkflows.Web.Definitions;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Tests.Support;

/// <summary>The persistence and runtime services on a real SQLite file in a temporary folder, with fake time.</summary>
internal sealed class RunnerHost : IAsyncDisposable
{
    private readonly IHost host;
    private readonly TestDataFolder folder;

    private RunnerHost(IHost host, TestDataFolder folder, FakeTimeProvider time)
    {
        this.host = host;
        this.folder = folder;
        Time = time;
    }

    public FakeTimeProvider Time { get; }
    public WorkflowRunner Runner => host.Services.GetRequiredService<WorkflowRunner>();
    public IServiceProvider Services => host.Services;

    /// <summary>The folder the importer reads (created on demand).</summary>
    public string WorkflowsFolder => Directory.CreateDirectory(folder.Combine("workflows", "forms")).Parent!.FullName;

    public static Task<RunnerHost> StartAsync(params (string Key, string Xml)[] published) => StartAsync([], published);

    public static async Task<RunnerHost> StartAsync(Dictionary<string, string?> settings, params (string Key, string Xml)[] published)
    {
        var folder = new TestDataFolder();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true, ContentRootPath = folder.Path,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Folder"] = "data",
            ["Workflows:Folder"] = folder.Combine("workflows"),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddLogging();
        builder.Services.AddPersistence(builder.Configuration);
        builder.Services.AddWorkflowRuntime();
        builder.Services.AddWorkflowDefinitions(builder.Configuration);
        var created = new RunnerHost(builder.Build(), folder, time);
        await created.Services.MigrateDatabaseAsync(CancellationToken.None);
        foreach (var (key, xml) in published) await created.PublishAsync(key, xml);
        return created;
    }

    public WorkflowDbContext Db() => Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();

    /// <summary>Publishes a version as the designer will: the row, then the runner told that the key has a new latest version.</summary>
    public async Task<long> PublishAsync(string key, string xml, int version = 1)
    {
        var id = await PublishWithoutInvalidatingAsync(key, xml, version);
        Services.GetRequiredService<PublishedVersions>().Invalidate(key);
        return id;
    }

    /// <summary>Only the row: what a publisher that forgets to invalidate would leave behind.</summary>
    public async Task<long> PublishWithoutInvalidatingAsync(string key, string xml, int version)
    {
        await using var db = Db();
        var row = new ProcessDefinitionRecord
        {
            Key = key, Version = version, Status = DefinitionStatus.Published, Name = key, BpmnXml = xml,
            CreatedBy = "test", CreatedAt = Time.GetUtcNow(), PublishedBy = "test", PublishedAt = Time.GetUtcNow(),
        };
        db.ProcessDefinitions.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    public async Task<long> StartAsync(string key, JsonObject? variables = null, string businessKey = "CASE-1")
    {
        var result = await Runner.StartAsync(key, businessKey, variables, "registrar", CancellationToken.None);
        Assert.True(result.IsOk, result.Message);
        return result.InstanceId!.Value;
    }

    public async Task<ProcessInstanceRecord> InstanceAsync(long id)
    {
        await using var db = Db();
        return await db.ProcessInstances.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    public async Task<List<UserTaskRecord>> TasksAsync(long instanceId)
    {
        await using var db = Db();
        return await db.UserTasks.AsNoTracking().Where(t => t.InstanceId == instanceId).OrderBy(t => t.Id).ToListAsync();
    }

    public async Task<UserTaskRecord> OpenTaskAsync(long instanceId, string elementId) =>
        Assert.Single(await TasksAsync(instanceId), t => t.ElementId == elementId && t.Status == UserTaskStatus.Open);

    public async Task<List<T>> RowsAsync<T>(long instanceId) where T : class
    {
        await using var db = Db();
        var rows = await db.Set<T>().AsNoTracking().ToListAsync();
        return rows.Where(r => (long)typeof(T).GetProperty("InstanceId")!.GetValue(r)! == instanceId).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        folder.Dispose();
    }
}
