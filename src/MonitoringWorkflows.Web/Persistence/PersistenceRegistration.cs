using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MonitoringWorkflows.Web.Persistence;

public static class PersistenceRegistration
{
    /// <summary>EF Core on a SQLite file in the data folder; a pooled context factory for the runner, a scoped context for endpoints.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DataOptions>().Bind(configuration.GetSection(DataOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        // Options are read when the first context is made, after the host (and a test factory) settled its configuration.
        services.AddPooledDbContextFactory<WorkflowDbContext>((provider, options) =>
        {
            var data = provider.GetRequiredService<IOptions<DataOptions>>().Value;
            var contentRoot = provider.GetRequiredService<IHostEnvironment>().ContentRootPath;
            options.UseSqlite(data.ConnectionString(contentRoot))
                .AddInterceptors(new SqlitePragmaInterceptor(data.ConnectionPragmas()));
        });
        services.AddSingleton<WriteGate>();
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>Creates the data folder, switches the file to WAL (the file remembers it) and applies pending migrations.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var data = services.GetRequiredService<IOptions<DataOptions>>().Value;
        Directory.CreateDirectory(data.FolderPath(services.GetRequiredService<IHostEnvironment>().ContentRootPath));
        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>()
            .CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
