using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MonitoringWorkflows.Web.Persistence;

/// <summary>
/// Sets <c>synchronous</c> and <c>busy_timeout</c> on every connection EF opens: unlike <c>journal_mode=WAL</c>,
/// which the database file remembers, they are per-connection settings.
/// </summary>
internal sealed class SqlitePragmaInterceptor(string pragma) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
