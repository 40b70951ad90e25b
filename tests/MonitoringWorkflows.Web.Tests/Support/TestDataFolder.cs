using Microsoft.Data.Sqlite;

namespace MonitoringWorkflows.Web.Tests.Support;

/// <summary>A temporary folder for one test's database and files, deleted afterwards.</summary>
internal sealed class TestDataFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mw-tests", Guid.NewGuid().ToString("N"))).FullName;

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        // Pooled connections keep the database file open.
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
