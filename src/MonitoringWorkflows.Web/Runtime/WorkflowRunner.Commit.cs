using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Runtime;

public sealed partial class WorkflowRunner
{
    /// <summary>Runs the unit of work and commits it; on a failure rolls it all back and records one incident instead.</summary>
    /// <param name="preload">Registers the row the caller already read (the task or timer the trigger answers).</param>
    private async Task<RunResult> RunAsync(WorkflowDbContext db, ProcessInstanceRecord instance, Trigger trigger,
        IncidentRecord? retrying, CancellationToken cancellationToken, Action<ChangeSet>? preload = null)
    {
        var now = time.GetUtcNow();
        long? storedId = instance.Id == 0 ? null : instance.Id;
        var session = new StepSession(db, definitions, publishedVersions, executor, now);
        if (storedId is null) session.Changes.Add(instance);
        preload?.Invoke(session.Changes);
        SessionFailure? failure;
        try
        {
            failure = await session.RunAsync(instance, trigger, cancellationToken);
            if (failure is null)
            {
                await ResolveIncidentsAsync(db, session.Changes, instance, trigger, retrying, now, cancellationToken);
                await StepWriter.WriteAsync(runnerConnection, session.Changes, cancellationToken);
                await TellClockAsync([session.Changes], instance.Id);
                return RunResult.Ok(instance.Id);
            }
        }
        catch (ConcurrentStepException)
        {
            return RunResult.Conflict("Someone else moved this case at the same moment: reload it and try again.", storedId);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Applying {Trigger} to instance {InstanceId} failed", trigger.GetType().Name, storedId);
            // The innermost exception says what went wrong (a DbUpdateException only says that saving failed).
            var cause = exception.GetBaseException();
            failure = new SessionFailure(instance, "", RunnerIncidentCodes.Exception, null, $"{cause.GetType().Name}: {cause.Message}");
        }
        if (failure.IsRejection && ReferenceEquals(failure.Instance, instance))
            return RunResult.Rejected($"{failure.Code} {failure.Message}", storedId);
        db.ChangeTracker.Clear();
        return await RecordIncidentAsync(db, instance, storedId, trigger, failure, retrying?.Id, now, cancellationToken);
    }

    /// <summary>
    /// Hands the committed step's timer changes to the clock. The step stands whatever happens here: a clock that
    /// fails (or is shutting down) is logged, and its start-up reconciliation schedules what it missed.
    /// </summary>
    private async Task TellClockAsync(IReadOnlyList<ChangeSet> steps, long? instanceId)
    {
        var scheduled = steps.SelectMany(changes => changes.NewTimers.Where(t => t.Status == TimerStatus.Pending))
            .Select(t => new PendingTimer(t.Id, t.DueAt)).ToList();
        var cancelled = steps.SelectMany(changes => changes.ChangedTimers.Where(id => changes.LoadedTimers[id].Status == TimerStatus.Cancelled)).ToList();
        if (scheduled.Count == 0 && cancelled.Count == 0) return;
        try
        {
            // Not the caller's token: the step has committed, so its timers must reach the clock even if the caller gave up.
            await clock.TimersChangedAsync(scheduled, cancelled, CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "The clock was not told about {Scheduled} new and {Cancelled} cancelled timers (instance {InstanceId}, none for a batch); they are reconciled at the next start",
                scheduled.Count, cancelled.Count, instanceId);
        }
    }

    /// <summary>A successful retry resolves its incident; a cancel makes the instance's incidents moot.</summary>
    private static async Task ResolveIncidentsAsync(WorkflowDbContext db, ChangeSet changes, ProcessInstanceRecord instance,
        Trigger trigger, IncidentRecord? retrying, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (retrying is null && trigger is not CancelInstance) return;
        var open = await db.Incidents.AsNoTracking().Where(i => i.InstanceId == instance.Id && i.ResolvedAt == null)
            .Select(i => i.Id).ToListAsync(cancellationToken);
        var resolved = open.Where(id => trigger is CancelInstance || id == retrying?.Id).ToList();
        changes.ResolvedIncidents.AddRange(resolved);
        changes.ResolvedAt = now;
        if (instance.Status == ProcessInstanceStatus.Incident && resolved.Count == open.Count)
            instance.Status = ProcessInstanceStatus.Running;
    }

    /// <summary>
    /// Records the failure as one incident on the instance the trigger was addressed to (the one a retry replays), in
    /// a small transaction of its own. The instance's state stays as it was; only its status says Incident.
    /// </summary>
    private async Task<RunResult> RecordIncidentAsync(WorkflowDbContext db, ProcessInstanceRecord attempted, long? storedId,
        Trigger trigger, SessionFailure failure, long? retryingId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var instance = storedId is { } id
            ? await db.ProcessInstances.FirstAsync(i => i.Id == id, cancellationToken)
            : NewInstanceInIncident(db, attempted);
        instance.Status = ProcessInstanceStatus.Incident;
        // Not a step (the state stays as it was), but a step read before this must not write its status over it.
        instance.Version++;
        var message = ReferenceEquals(failure.Instance, attempted)
            ? failure.Message
            : $"{failure.Message} (in called process '{failure.ProcessKey}')";
        var incident = retryingId is { } existing
            ? await db.Incidents.FirstAsync(i => i.Id == existing, cancellationToken)
            : db.Incidents.Add(new IncidentRecord
            {
                Instance = instance, Code = failure.Code, Message = message,
                TriggerJson = RuntimeJson.Serialize(trigger), CreatedAt = now,
            }).Entity;
        incident.Code = failure.Code;
        incident.ElementId = failure.ElementId;
        incident.Message = message;
        try
        {
            await writes.SaveChangesAsync(db, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another step moved the instance since the failed attempt read it: the failure may no longer hold.
            return RunResult.Conflict("Someone else moved this case at the same moment: reload it and try again.", storedId);
        }
        logger.LogWarning("Incident {IncidentId} on instance {InstanceId}: {Code} {Message}",
            incident.Id, instance.Id, failure.Code, message);
        return new RunResult(RunOutcome.Incident, $"{failure.Code} {message}", instance.Id, incident.Id);
    }

    /// <summary>A start that failed still leaves its instance behind, with the initial state, so the report is not lost and can be retried.</summary>
    private static ProcessInstanceRecord NewInstanceInIncident(WorkflowDbContext db, ProcessInstanceRecord attempted) =>
        db.ProcessInstances.Add(new ProcessInstanceRecord
        {
            DefinitionVersionId = attempted.DefinitionVersionId, BusinessKey = attempted.BusinessKey,
            StateJson = RuntimeJson.Serialize(new InstanceState()), StartedBy = attempted.StartedBy, StartedAt = attempted.StartedAt,
        }).Entity;
}
