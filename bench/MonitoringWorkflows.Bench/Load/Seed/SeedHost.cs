using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Definitions;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Localization;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Bench.Load.Seed;

/// <summary>A clock the seeder moves by hand, so the template cases take realistic hours and days between their steps.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// The web host's own services (persistence, runtime, definitions, identity, case intake), registered as
/// <c>Program.cs</c> registers them, on the data folder being seeded: migrations, the first-start seeding and the
/// workflow import are the real ones, so the web host later finds a database it made itself.
/// </summary>
internal sealed class SeedHost : IAsyncDisposable
{
    public const string DatabaseFile = "monitoring.db";

    private readonly IHost host;

    private SeedHost(IHost host, ManualClock clock)
    {
        this.host = host;
        Clock = clock;
    }

    public ManualClock Clock { get; }
    public IServiceProvider Services => host.Services;

    /// <param name="configure">More of the web host's services, for a mode that measures them (the monitor).</param>
    public static async Task<SeedHost> StartAsync(string folder, DateTimeOffset clockStart, CancellationToken cancellationToken,
        Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true, ContentRootPath = folder, EnvironmentName = "Production",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Folder"] = folder,
            ["Data:DatabaseFile"] = DatabaseFile,
            // Only while seeding: the web host opens its own connections with the settings file's FULL.
            ["Data:Synchronous"] = "OFF",
            ["Demo:Enabled"] = "true",
            ["Workflows:Folder"] = RepositoryLayout.Workflows,
        });
        var clock = new ManualClock(clockStart);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddPersistence(builder.Configuration);
        builder.Services.AddWorkflowRuntime();
        builder.Services.AddWorkflowDefinitions(builder.Configuration);
        builder.Services.AddUiLocalization();
        builder.Services.AddApplicationIdentity(builder.Configuration);
        builder.Services.AddScoped<CaseIntake>();
        configure?.Invoke(builder.Services);
        var seedHost = new SeedHost(builder.Build(), clock);
        await seedHost.Services.MigrateDatabaseAsync(cancellationToken);
        await seedHost.Services.SeedFirstStartAsync(cancellationToken);
        await seedHost.Services.ImportWorkflowsAsync(cancellationToken);
        return seedHost;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
