using MonitoringWorkflows.Web.Scheduling;
using MonitoringWorkflows.Web.Tests.Support;

namespace MonitoringWorkflows.Web.Tests.Scheduling;

public sealed class SqliteQuartzProviderTests
{
    [Fact]
    public async Task CreateConnection_WhenOpened_CommitsWithoutWaitingForTheDisk()
    {
        using var folder = new TestDataFolder();
        var provider = new SqliteQuartzProvider($"Data Source={folder.Combine("quartz.db")};Pooling=False");
        await using var connection = provider.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";

        Assert.Equal(1L, await command.ExecuteScalarAsync()); // NORMAL
    }
}
