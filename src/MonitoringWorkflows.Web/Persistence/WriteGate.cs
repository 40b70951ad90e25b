using Microsoft.EntityFrameworkCore;

namespace MonitoringWorkflows.Web.Persistence;

/// <summary>
/// Lets one commit at a time into the database from this process. SQLite has a single writer; a writer that finds the
/// file locked is retried by Microsoft.Data.Sqlite after a sleep of up to 150 ms, which under load costs far more than
/// waiting in turn here (measured: 16 concurrent completers fell to a quarter of one completer's rate).
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public Task<int> SaveChangesAsync(DbContext db, CancellationToken cancellationToken) =>
        RunAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);

    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            gate.Release();
        }
    }
}
