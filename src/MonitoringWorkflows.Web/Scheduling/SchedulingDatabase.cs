using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Scheduling;

/// <summary>Quartz's own SQLite file in the data folder, next to the application's database.</summary>
internal sealed class SchedulingDatabase(IOptions<DataOptions> data, IOptions<SchedulingOptions> options, IHostEnvironment environment)
{
    public string FilePath => Path.Combine(data.Value.FolderPath(environment.ContentRootPath), options.Value.DatabaseFile);

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = true }.ToString();

    /// <summary>
    /// WAL (the file remembers it): one sync per commit instead of several, and Quartz commits at every firing.
    /// Quartz creates its tables itself (ProvisionSchema).
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Closes the pooled connections, so the file is not held open after the clock stopped.</summary>
    public void Release()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }
}
