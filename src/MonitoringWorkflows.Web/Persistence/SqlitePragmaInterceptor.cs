using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MonitoringWorkflows.Web.Persistence;

/// <summary>
/// Sets <c>synchronous</c> on every connection EF opens: unlike <c>journal_mode=WAL</c>, which the database file
/// remembers, it is a per-connection setting and a pooled connection may come from before a settings change.
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
