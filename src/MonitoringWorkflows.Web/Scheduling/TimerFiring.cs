using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Scheduling;

/// <summary>
/// What a due trigger does: fires its timer row through the runner (one transaction), unless the row is gone, no
/// longer pending or its instance has ended; then it only logs, so a stale trigger never turns into a retry loop.
/// A step that committed at the same moment wins; the timer is tried again a few times, then put back for later;
/// a busy database likewise.
/// </summary>
public sealed class TimerFiring(
    IDbContextFactory<WorkflowDbContext> contexts,
    WorkflowRunner runner,
    ITimerScheduler clock,
    IOptions<SchedulingOptions> options,
    TimeProvider time,
    ILogger<TimerFiring> logger)
{
    /// <summary>Never throws (but for cancellation): Quartz would only log it, and the row is what says the timer is pending.</summary>
    public async Task FireAsync(long timerId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var attempt = 1; attempt <= settings.FireAttempts; attempt++)
        {
            try
            {
                if (await TryFireAsync(timerId, cancellationToken)) return;
            }
            catch (DbException exception) when (exception.IsTransient || exception is SqliteException { SqliteErrorCode: 5 or 6 })
            {
                logger.LogInformation("Timer {TimerId}: the database was busy (attempt {Attempt}): {Message}", timerId, attempt, exception.Message);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Not a race: trying again at once would fail the same way. The row stays pending for the next start.
                logger.LogError(exception, "Timer {TimerId} could not be fired; it stays pending until the next start", timerId);
                return;
            }
            if (attempt < settings.FireAttempts) await Task.Delay(settings.RetryDelay * attempt, time, cancellationToken);
        }
        var later = time.GetUtcNow() + settings.PutBackDelay;
        logger.LogWarning("Timer {TimerId} was not fired after {Attempts} attempts; it fires again at {Later:u}", timerId, settings.FireAttempts, later);
        await PutBackAsync(timerId, later, cancellationToken);
    }

    private async Task PutBackAsync(long timerId, DateTimeOffset later, CancellationToken cancellationToken)
    {
        try
        {
            await clock.TimersChangedAsync([new PendingTimer(timerId, later)], [], cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Timer {TimerId} could not be put back; it stays pending until the next start", timerId);
        }
    }

    /// <summary>True when the timer's fate is settled (fired, dropped, or an incident recorded); false after losing a race.</summary>
    private async Task<bool> TryFireAsync(long timerId, CancellationToken cancellationToken)
    {
        if (await WhyNotAsync(timerId, cancellationToken) is { } reason)
        {
            logger.LogInformation("Timer {TimerId} dropped: {Reason}", timerId, reason);
            return true;
        }
        var result = await runner.FireTimerAsync(timerId, cancellationToken);
        if (result.Outcome == RunOutcome.Conflict)
        {
            logger.LogInformation("Timer {TimerId} lost a race with another step: {Message}", timerId, result.Message);
            return false;
        }
        Log(timerId, result);
        return true;
    }

    /// <summary>Why the timer must not fire, or null when it is pending on an active instance.</summary>
    private async Task<string?> WhyNotAsync(long timerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var timer = await db.Timers.AsNoTracking().Include(t => t.Instance).FirstOrDefaultAsync(t => t.Id == timerId, cancellationToken);
        if (WhyNot(timer) is { } reason) return reason;
        return await AwaitsRetryAsync(db, timer!, cancellationToken) is { } incident
            ? $"its firing failed before and incident {incident} waits for a retry"
            : null;
    }

    /// <summary>Why a timer row (with its instance) must not fire, or null when it is pending on an active instance.</summary>
    internal static string? WhyNot(TimerRecord? timer)
    {
        if (timer?.Instance is null) return "it no longer exists";
        if (timer.Status != TimerStatus.Pending) return $"it is already {timer.Status}";
        if (!timer.Instance.IsActive) return $"its instance {timer.InstanceId} has ended ({timer.Instance.Status})";
        return null;
    }

    /// <summary>
    /// A firing that failed left its row pending (the step rolled back) with an incident that replays it: firing it
    /// again (after a restart reconciled it) would only record the same incident twice.
    /// </summary>
    private static async Task<long?> AwaitsRetryAsync(WorkflowDbContext db, TimerRecord timer, CancellationToken cancellationToken)
    {
        if (timer.Instance!.Status != ProcessInstanceStatus.Incident) return null;
        var open = await db.Incidents.AsNoTracking().Where(i => i.InstanceId == timer.InstanceId && i.ResolvedAt == null)
            .Select(i => new { i.Id, i.TriggerJson }).ToListAsync(cancellationToken);
        return open.FirstOrDefault(i => RuntimeJson.DeserializeTrigger(i.TriggerJson) is FireTimer fire && fire.TimerId == timer.TimerId)?.Id;
    }

    private void Log(long timerId, RunResult result)
    {
        if (result.IsOk) logger.LogInformation("Timer {TimerId} fired on instance {InstanceId}", timerId, result.InstanceId);
        else logger.LogWarning("Timer {TimerId} on instance {InstanceId}: {Outcome} {Message}", timerId, result.InstanceId, result.Outcome, result.Message);
    }
}
