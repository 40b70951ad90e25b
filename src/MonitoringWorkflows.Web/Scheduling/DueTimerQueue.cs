using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Scheduling;

/// <summary>
/// Fires due timers in batches, one durable commit for many (a group commit). Quartz's job only hands the timer over
/// and returns; one writer takes what has gathered meanwhile, adds the other pending timers already due on running
/// instances (so a burst does not wait for Quartz to work through its triggers one by one), and fires them all through
/// <see cref="WorkflowRunner.FireTimersAsync"/>. A timer that did not go through in the batch (a race, a failing step,
/// an instance with an incident) is fired alone by <see cref="TimerFiring"/>, which retries, records incidents and logs.
/// A timer handed over but not yet fired when the host stops (or dies) stays a pending row, which the start-up
/// reconciliation schedules again: none is lost, and a row fires once because only a pending row fires.
/// </summary>
public sealed class DueTimerQueue(
    IDbContextFactory<WorkflowDbContext> contexts,
    WorkflowRunner runner,
    TimerFiring firing,
    ITimerScheduler clock,
    IOptions<SchedulingOptions> options,
    TimeProvider time,
    ILogger<DueTimerQueue> logger)
{
    private readonly Channel<long> due = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Task, bool> beside = new();
    private Task? writer;

    /// <summary>Not a timer: asks the writer to look for due timers (at start, and while a burst is not yet drained).</summary>
    private const long LookForDue = -1;

    /// <summary>Hands a due timer over; false once the queue is closed (the row stays pending for the next start).</summary>
    public bool Enqueue(long timerId) => due.Writer.TryWrite(timerId);

    /// <summary>
    /// Starts the writer and has it fire what is already due (timers that came due while the host was down), without
    /// waiting for Quartz to work through their misfired triggers.
    /// </summary>
    public void Start()
    {
        writer ??= Task.Run(() => RunAsync(CancellationToken.None));
        due.Writer.TryWrite(LookForDue);
    }

    /// <summary>Closes the queue and fires what it holds (Quartz has stopped handing timers over by then).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        due.Writer.TryComplete();
        if (writer is not null) await writer.WaitAsync(cancellationToken);
        await Task.WhenAll(beside.Keys).WaitAsync(cancellationToken);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var size = Math.Max(1, options.Value.BatchSize);
        while (await due.Reader.WaitToReadAsync(cancellationToken))
        {
            var handed = new HashSet<long>();
            var look = false;
            while (handed.Count < size && due.Reader.TryRead(out var id))
            {
                if (id == LookForDue) look = true;
                else handed.Add(id);
            }
            if (handed.Count == 0 && !look) continue;
            try
            {
                await FireAsync(handed, size, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "A batch of {Count} timers failed; each is fired alone", handed.Count);
                foreach (var id in handed) FireAlone(id);
            }
        }
    }

    /// <summary>One batch: the timers handed over, topped up with others already due.</summary>
    internal async Task FireAsync(IReadOnlyCollection<long> handed, int size, CancellationToken cancellationToken)
    {
        var batch = await DueTimerBatch.LoadAsync(contexts, handed, size, time.GetUtcNow(), cancellationToken);
        foreach (var (id, reason) in batch.Dropped) LogDropped(id, reason);
        foreach (var id in batch.Deferred) FireAlone(id);
        if (batch.Ready.Count == 0) return;
        var results = await runner.FireTimersAsync(batch.Ready, cancellationToken);
        var fired = new List<long>();
        for (var i = 0; i < results.Count; i++)
        {
            var timer = batch.Ready[i];
            if (results[i].IsOk) fired.Add(timer.Id);
            // A timer found due in the table still has its own trigger, which fires it (alone, if need be) in its time.
            else if (handed.Contains(timer.Id)) FireAlone(timer.Id);
        }
        logger.LogInformation("{Fired} timers fired in one transaction ({Handed} handed over by the clock, {Found} found due)",
            fired.Count, handed.Count, batch.Ready.Count(t => !handed.Contains(t.Id)));
        // A full batch may have left more due behind: look again at once rather than wait for their triggers (only
        // after progress, so steps that keep failing are left to their own triggers, which record their incidents).
        if (batch.Ready.Count >= size && fired.Count > 0) due.Writer.TryWrite(LookForDue);
        // The triggers of the timers found due would only find their rows fired: remove them (harmless if already gone),
        // beside the writer, which has the next batch to fire. One that fires first is dropped by the next batch.
        var found = fired.Where(id => !handed.Contains(id)).ToList();
        if (found.Count > 0) Beside(() => UnscheduleAsync(found));
    }

    private void LogDropped(long timerId, string reason)
    {
        // A trigger whose row a batch fired first (found due) is expected: not worth an information line each.
        if (reason == DueTimerBatch.AlreadyFired) logger.LogDebug("Timer {TimerId} had already fired in a batch", timerId);
        else logger.LogInformation("Timer {TimerId} dropped: {Reason}", timerId, reason);
    }

    private void FireAlone(long timerId) => Beside(() => firing.FireAsync(timerId, CancellationToken.None));

    private async Task UnscheduleAsync(IReadOnlyList<long> timers)
    {
        try
        {
            await clock.TimersChangedAsync([], timers, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "The triggers of {Count} timers fired in a batch were not removed; each is dropped when it fires", timers.Count);
        }
    }

    /// <summary>Work beside the writer, awaited when the queue stops.</summary>
    private void Beside(Func<Task> work)
    {
        var task = Task.Run(work);
        beside[task] = true;
        task.ContinueWith(t => beside.TryRemove(t, out _), TaskScheduler.Default);
    }
}
