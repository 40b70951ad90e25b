using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Scheduling;

/// <summary>Quartz's own SQLite file in the data folder, next to the application's database.</summary>
internal sealed class SchedulingDatabase(IOptions<DataOptions> data, IOptions<SchedulingOptions> options, IHostEnvironment environment)
{
    public string FilePath => Path.Combine(data.Value.FolderPath(environment.ContentRootPath), options.Value.DatabaseFile);

    /// <summary>
    /// Quartz keeps one scheduler per name in the process, and its rows carry the name: the name follows the file, so
    /// hosts on different data folders in one process (the tests) each get their own scheduler, and a restart on the
    /// same folder finds its triggers. A folder moved elsewhere gets a new name; its pending timers are then scheduled
    /// again from their rows at start.
    /// </summary>
    public string SchedulerName => $"MonitoringWorkflows-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(FilePath)))[..12]}";

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
