using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MonitoringWorkflows.Web.Definitions;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Scheduling;
using Quartz;

namespace MonitoringWorkflows.Bench.Timers;

/// <summary>
/// The runner with the Quartz clock (what Program.cs registers for them), started, on a data folder that outlives the
/// host, so that a second host can start on the timers the first one left pending.
/// </summary>
internal sealed class ClockOnSqlite : IAsyncDisposable
{
    private readonly IHost host;

    private ClockOnSqlite(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;
    public WorkflowRunner Runner => Services.GetRequiredService<WorkflowRunner>();

    public static async Task<ClockOnSqlite> StartAsync(string folder, bool scheduling, CancellationToken cancellationToken, bool batches = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Folder"] = "data",
            ["Workflows:Folder"] = Path.Combine(folder, "no-workflows"),
            ["Scheduling:Enabled"] = scheduling ? "true" : "false",
            ["Scheduling:FireInBatches"] = batches ? "true" : "false",
        });
        // Warnings only: a line per fired timer would measure the console.
        builder.Services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
            .AddFilter("MonitoringWorkflows.Web.Scheduling.TimerReconciliation", LogLevel.Information)
            .AddFilter("MonitoringWorkflows.Web.Scheduling.SchedulingService", LogLevel.Information));
        builder.Services.AddPersistence(builder.Configuration);
        builder.Services.AddWorkflowRuntime();
        builder.Services.AddScheduling(builder.Configuration);
        builder.Services.AddWorkflowDefinitions(builder.Configuration);
        var host = builder.Build();
        await host.Services.MigrateDatabaseAsync(cancellationToken);
        await host.StartAsync(cancellationToken);
        return new ClockOnSqlite(host);
    }

    public WorkflowDbContext Db() => Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();

    public async Task<IScheduler> SchedulerAsync(CancellationToken cancellationToken) =>
        await Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
