using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MonitoringWorkflows.Web.Persistence;

/// <summary>
/// Sets <c>synchronous</c> and <c>busy_timeout</c> on the connections EF opens: unlike <c>journal_mode=WAL</c>,
/// which the database file remembers, they are per-connection settings. A pooled SQLite connection keeps them while
/// it lives, so they are set once per native connection, not on every open (a unit of work opens its connection
/// once or twice, and the statement cost a measurable share of a completion).
/// </summary>
internal sealed class SqlitePragmaInterceptor(string pragma) : DbConnectionInterceptor
{
    // Keyed by the native handle, which the pool hands out again and again; a new native connection is a new key.
    private readonly ConditionalWeakTable<object, object> configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragma(connection, out var handle)) return;
        using var command = connection.CreateCommand();
        command.CommandText = pragma;
        command.ExecuteNonQuery();
        Remember(handle);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (!NeedsPragma(connection, out var handle)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(handle);
    }

    private bool NeedsPragma(DbConnection connection, out object? handle)
    {
        handle = (connection as SqliteConnection)?.Handle;
        return handle is null || !configured.TryGetValue(handle, out _);
    }

    private void Remember(object? handle)
    {
        if (handle is not null) configured.AddOrUpdate(handle, handle);
    }
}
