using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MonitoringWorkflows.Web.Definitions;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Scheduling;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Support;
using Quartz;

namespace MonitoringWorkflows.Web.Tests.Scheduling.Support;

/// <summary>
/// The runner with the real Quartz clock, started, on real time, in a data folder the test owns, so that a second
/// host can start on what the first one left behind.
/// </summary>
internal sealed class ClockHost : IAsyncDisposable
{
    private readonly IHost host;

    private ClockHost(IHost host, LogCapture logs)
    {
        this.host = host;
        Logs = logs;
    }

    public LogCapture Logs { get; }
    public IServiceProvider Services => host.Services;
    public WorkflowRunner Runner => Services.GetRequiredService<WorkflowRunner>();

    public static async Task<ClockHost> StartAsync(TestDataFolder folder, Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = folder.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Folder"] = "data",
            ["Workflows:Folder"] = folder.Combine("no-workflows"),
            ["Scheduling:RetryDelay"] = "00:00:00.050",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        var logs = new LogCapture();
        builder.Services.AddLogging(logging => logging.AddProvider(logs));
        builder.Services.AddPersistence(builder.Configuration);
        builder.Services.AddWorkflowRuntime();
        builder.Services.AddScheduling(builder.Configuration);
        // A timer half a second late counts as misfired, so a restart test goes through the misfire instruction.
        builder.Services.Configure<QuartzOptions>(quartz => quartz.Properties["quartz.jobStore.misfireThreshold"] = "500");
        builder.Services.AddWorkflowDefinitions(builder.Configuration);
        var host = builder.Build();
        await host.Services.MigrateDatabaseAsync(CancellationToken.None);
        await host.StartAsync();
        return new ClockHost(host, logs);
    }

    /// <summary>The database a stopped host left in <paramref name="folder"/>, opened directly (as a restore or a repair would).</summary>
    public static Task<WorkflowDbContext> DbOfAsync(TestDataFolder folder) => Task.FromResult(new WorkflowDbContext(
        new DbContextOptionsBuilder<WorkflowDbContext>().UseSqlite($"Data Source={folder.Combine("data", "monitoring.db")}").Options));

    public WorkflowDbContext Db() => Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();

    public async Task PublishAsync(string key, string xml)
    {
        await using (var db = Db())
        {
            var now = DateTimeOffset.UtcNow;
            db.ProcessDefinitions.Add(new ProcessDefinitionRecord
            {
                Key = key, Version = 1, Status = DefinitionStatus.Published, Name = key, BpmnXml = xml,
                CreatedBy = "test", CreatedAt = now, PublishedBy = "test", PublishedAt = now,
            });
            await db.SaveChangesAsync();
        }
        Services.GetRequiredService<PublishedVersions>().Invalidate(key);
    }

    public async Task<long> StartInstanceAsync(string key, string businessKey = "CASE-1")
    {
        var result = await Runner.StartAsync(key, businessKey, null, "registrar", CancellationToken.None);
        Assert.True(result.IsOk, result.Message);
        return result.InstanceId!.Value;
    }

    public async Task<List<TimerRecord>> TimersAsync(long? instanceId = null)
    {
        await using var db = Db();
        return await db.Timers.AsNoTracking().Where(t => instanceId == null || t.InstanceId == instanceId).OrderBy(t => t.Id).ToListAsync();
    }

    public async Task<long> OpenTaskAsync(long instanceId)
    {
        await using var db = Db();
        return await db.UserTasks.Where(t => t.InstanceId == instanceId && t.Status == UserTaskStatus.Open).Select(t => t.Id).SingleAsync();
    }

    public async Task<ProcessInstanceRecord> InstanceAsync(long id)
    {
        await using var db = Db();
        return await db.ProcessInstances.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    public async Task<List<JournalEntryRecord>> JournalAsync(long instanceId)
    {
        await using var db = Db();
        return await db.JournalEntries.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Id).ToListAsync();
    }

    public TimerFiring Firing => Services.GetRequiredService<TimerFiring>();

    public async Task<ITrigger?> TriggerAsync(long timerId)
    {
        var scheduler = await Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return await scheduler.GetTrigger(QuartzClock.KeyOf(timerId));
    }

    /// <summary>Waits until <paramref name="condition"/> holds, or fails after <paramref name="timeout"/> (polling, no fixed sleep).</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {timeout.TotalSeconds} s waiting for: {what}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
