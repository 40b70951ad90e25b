using System.Data.Common;
using Microsoft.Data.Sqlite;
using Quartz.Impl.AdoJobStore.Common;

namespace MonitoringWorkflows.Web.Scheduling;

/// <summary>
/// Quartz's SQLite provider with <c>synchronous=NORMAL</c> on each connection (WAL): a commit no longer waits for the
/// disk. Quartz's file only mirrors the timer rows, which stay fully durable in the application's database; what a
/// power cut takes from it is put right by the start-up reconciliation. Measured to matter: each firing is two or
/// three Quartz commits besides the runner's own.
/// </summary>
internal sealed class SqliteQuartzProvider(string connectionString) : DbProvider("SQLite-Microsoft", connectionString)
{
    public override DbConnection CreateConnection()
    {
        var connection = (SqliteConnection)base.CreateConnection();
        connection.StateChange += (_, change) =>
        {
            if (change.CurrentState != System.Data.ConnectionState.Open) return;
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            command.ExecuteNonQuery();
        };
        return connection;
    }
}
