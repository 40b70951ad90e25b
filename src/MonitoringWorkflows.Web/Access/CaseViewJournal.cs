using System.Threading.Channels;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Access;

/// <summary>
/// Writes recorded case views in group commits: every view waits until its row is durably stored, but the views that
/// arrive while one commit is on disk share the next one. Thirty-two chairs opening cases at once cost one or two disk
/// syncs instead of thirty-two, and the audit promise — no case shown without its view recorded — still holds.
/// The rows go through the runner's open connection and its prepared statement (in turn with every other write):
/// a unit of work with change tracking per view cost more CPU than the page around it.
/// </summary>
public sealed class CaseViewJournal : IAsyncDisposable
{
    /// <summary>Rows per commit at most; a larger backlog is written in several commits.</summary>
    private const int MaxBatch = 512;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private const string Insert = """
        INSERT INTO "CaseViews" ("At", "UserId", "UserName", "CaseId", "CaseNumber", "DistrictId", "Via")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)
        """;

    private readonly RunnerConnection connection;
    private readonly ILogger<CaseViewJournal> log;
    private readonly Task writer;

    public CaseViewJournal(RunnerConnection connection, ILogger<CaseViewJournal> log)
    {
        (this.connection, this.log) = (connection, log);
        writer = Task.Run(WriteAsync);
    }

    /// <summary>Completes once the row is committed; fails (and the case must not be shown) if it could not be.</summary>
    public Task AppendAsync(CaseViewRecord view, CancellationToken cancellationToken)
    {
        var pending = new Pending(view, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(CaseViewJournal), "The host is stopping: the view cannot be recorded.");
        return pending.Stored.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                await CommitAsync(batch);
                foreach (var pending in batch) pending.Stored.TrySetResult();
            }
            catch (Exception failure)
            {
                log.LogError(failure, "Could not record {Count} case views; the cases were not shown.", batch.Count);
                foreach (var pending in batch) pending.Stored.TrySetException(failure);
            }
            batch.Clear();
        }
    }

    // Not cancellable: a view whose viewer went away is still a view that happened.
    private Task CommitAsync(List<Pending> batch) => connection.RunAsync(async open =>
    {
        await using var transaction = await open.BeginTransactionAsync();
        foreach (var view in batch.Select(p => p.View))
            await connection.Command(Insert, transaction, view.At.UtcTicks, view.UserId, view.UserName, view.CaseId,
                view.CaseNumber, view.DistrictId, view.Via).ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return batch.Count;
    }, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
    }

    private sealed record Pending(CaseViewRecord View, TaskCompletionSource Stored);
}
