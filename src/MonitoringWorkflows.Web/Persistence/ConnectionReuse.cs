using Microsoft.EntityFrameworkCore;

namespace MonitoringWorkflows.Web.Persistence;

/// <summary>
/// A page that asks several queries keeps one connection for all of them. EF otherwise takes a connection from
/// SQLite's pool and gives it back around every query, registering its SQL functions on each open; under load the
/// pool's lock was where the case page's requests queued. The context closes the connection when it is disposed.
/// </summary>
public static class ConnectionReuse
{
    public static Task KeepConnectionOpenAsync(this WorkflowDbContext db, CancellationToken cancellationToken) =>
        db.Database.GetDbConnection().State == System.Data.ConnectionState.Open
            ? Task.CompletedTask
            : db.Database.OpenConnectionAsync(cancellationToken);
}
