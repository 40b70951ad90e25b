using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Runtime;

/// <summary>
/// The runner's own connection, kept open, on which the hot path's read (<see cref="StepReader"/>) and every step's
/// write (<see cref="StepWriter"/>) run one at a time, in turn with the process's other writes (<see cref="WriteGate"/>).
/// Each statement text is prepared once and reused: preparing the statements again for every unit of work cost as
/// much as running them, and opening a pooled connection for each call cost about as much again. It is opened through
/// EF on a context kept for it, so it gets the same pragmas as every other connection.
/// </summary>
public sealed class RunnerConnection(IDbContextFactory<WorkflowDbContext> contexts, WriteGate gate) : IDisposable, IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> prepared = new(StringComparer.Ordinal);
    private WorkflowDbContext? context;

    /// <summary>Runs <paramref name="work"/> on the open connection, alone. After a failure the connection is opened anew.</summary>
    internal Task<T> RunAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) =>
        gate.RunAsync(async () =>
        {
            try
            {
                return await work(await OpenAsync(cancellationToken));
            }
            catch (Exception exception) when (exception is not ConcurrentStepException)
            {
                // A transaction in progress has rolled back; a connection that failed is not trusted again.
                Reset();
                throw;
            }
        }, cancellationToken);

    /// <summary>
    /// The command for <paramref name="text"/>, prepared on first use, with the values bound as @p0, @p1…; only for
    /// use inside <see cref="RunAsync{T}"/>, which is what keeps the commands to one caller at a time.
    /// </summary>
    internal DbCommand Command(string text, DbTransaction? transaction, params object?[] values)
    {
        if (!prepared.TryGetValue(text, out var command))
        {
            command = context!.Database.GetDbConnection().CreateCommand();
            command.CommandText = text;
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                command.Parameters.Add(parameter);
            }
            prepared[text] = command;
        }
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (context is null)
        {
            context = await contexts.CreateDbContextAsync(cancellationToken);
            await context.Database.OpenConnectionAsync(cancellationToken);
        }
        return context.Database.GetDbConnection();
    }

    private void Reset()
    {
        foreach (var command in prepared.Values) command.Dispose();
        prepared.Clear();
        context?.Dispose();
        context = null;
    }

    public void Dispose() => Reset();

    public ValueTask DisposeAsync()
    {
        Reset();
        return ValueTask.CompletedTask;
    }
}
