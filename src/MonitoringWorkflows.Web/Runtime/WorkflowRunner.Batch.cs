using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Runtime;

public sealed partial class WorkflowRunner
{
    /// <summary>
    /// Fires many pending timers in one transaction (a group commit): each timer's step is worked out alone, as
    /// <see cref="FireTimerAsync"/> would, and written inside its own savepoint, so a step that lost a race with
    /// another (its instance moved since it was read) is undone alone while the others commit. The timers must be
    /// pending rows with their instance loaded, at most one per instance.
    /// </summary>
    /// <returns>One result per timer, in order: Ok when its step committed; Conflict when it did not (a race, or a step
    /// that failed or was refused): fire that one alone with <see cref="FireTimerAsync"/>, which records what it must.</returns>
    public async Task<IReadOnlyList<RunResult>> FireTimersAsync(IReadOnlyList<TimerRecord> timers, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var results = new RunResult[timers.Count];
        var stepped = new List<(int Index, ChangeSet Changes)>();
        for (var i = 0; i < timers.Count; i++)
        {
            if (await StepAloneAsync(db, timers[i], now, cancellationToken) is { } changes) stepped.Add((i, changes));
            else results[i] = RunResult.Conflict("The step did not apply in the batch: fire it alone.", timers[i].InstanceId);
        }
        var written = stepped.Count == 0 ? [] : await StepWriter.WriteManyAsync(runnerConnection, stepped.Select(s => s.Changes).ToList(),
            (index, exception) => logger.LogInformation("Timer {TimerId} was undone in its batch: {Message}", timers[stepped[index].Index].Id, exception.Message),
            cancellationToken);
        for (var s = 0; s < stepped.Count; s++)
        {
            var timer = timers[stepped[s].Index];
            results[stepped[s].Index] = written[s]
                ? RunResult.Ok(timer.InstanceId)
                : RunResult.Conflict("Someone else moved this case at the same moment.", timer.InstanceId);
        }
        var committed = stepped.Where((_, s) => written[s]).Select(s => s.Changes).ToList();
        await TellClockAsync(committed, null);
        return results;
    }

    /// <summary>The timer's step as a change set, or null when it failed or was refused (fired alone, it records that).</summary>
    private async Task<ChangeSet?> StepAloneAsync(Persistence.WorkflowDbContext db, TimerRecord timer, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var session = new StepSession(db, definitions, publishedVersions, executor, now);
        session.Changes.Loaded(timer);
        try
        {
            return await session.RunAsync(timer.Instance!, new FireTimer(timer.TimerId) { Actor = "timer" }, cancellationToken) is null
                ? session.Changes
                : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogInformation("Timer {TimerId} failed in its batch and is fired alone: {Message}", timer.Id, exception.GetBaseException().Message);
            return null;
        }
    }
}
