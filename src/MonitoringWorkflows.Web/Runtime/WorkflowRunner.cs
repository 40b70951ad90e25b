using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Execution;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Runtime;

/// <summary>
/// Applies one trigger to one instance in one transaction: loads the instance, asks the executor for the step,
/// writes the new state with every row its effects call for, and commits them together or not at all.
/// </summary>
public sealed partial class WorkflowRunner(
    IDbContextFactory<WorkflowDbContext> contexts,
    DefinitionCache definitions,
    PublishedVersions publishedVersions,
    ProcessExecutor executor,
    WriteGate writes,
    RunnerConnection runnerConnection,
    ITimerScheduler clock,
    TimeProvider time,
    ILogger<WorkflowRunner> logger)
{
    /// <summary>Starts a new instance on the latest published version of <paramref name="processKey"/>.</summary>
    public async Task<RunResult> StartAsync(string processKey, string? businessKey, JsonObject? variables, string actor,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var versionId = await publishedVersions.LatestAsync(db, processKey, cancellationToken);
        if (versionId is null) return RunResult.NotFound($"Process '{processKey}' has no published version.");
        var instance = new ProcessInstanceRecord
        {
            DefinitionVersionId = versionId.Value, BusinessKey = businessKey, Status = ProcessInstanceStatus.Running,
            StateJson = RuntimeJson.Serialize(new InstanceState()), StartedBy = actor, StartedAt = time.GetUtcNow(),
        };
        return await RunAsync(db, instance, new StartInstance(variables) { Actor = actor }, null, cancellationToken);
    }

    public async Task<RunResult> CompleteTaskAsync(long taskRowId, JsonObject? data, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = await StepReader.TaskWithInstanceAsync(runnerConnection, taskRowId, cancellationToken);
        return await CompleteAsync(db, task, data, actor, cancellationToken);
    }

    public async Task<RunResult> CompleteTaskAsync(long instanceId, int taskId, JsonObject? data, string actor,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = await db.UserTasks.AsNoTracking().Include(t => t.Instance)
            .Where(t => t.InstanceId == instanceId && t.TaskId == taskId)
            .OrderByDescending(t => t.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return await CompleteAsync(db, task, data, actor, cancellationToken);
    }

    /// <summary>Fires a timer row. A timer already fired or cancelled is a no-op (recorded in the journal), so firing twice never advances twice.</summary>
    public async Task<RunResult> FireTimerAsync(long timerRowId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var timer = await db.Timers.AsNoTracking().Include(t => t.Instance).FirstOrDefaultAsync(t => t.Id == timerRowId, cancellationToken);
        if (timer?.Instance is null) return RunResult.NotFound($"There is no timer {timerRowId}.");
        if (timer.Status != TimerStatus.Pending)
        {
            db.JournalEntries.Add(new JournalEntryRecord
            {
                InstanceId = timer.InstanceId, At = time.GetUtcNow(), Kind = JournalKind.TriggerIgnored,
                ElementId = timer.ElementId, Actor = "timer", Detail = $"Timer {timer.Id} is already {timer.Status}.",
            });
            await writes.SaveChangesAsync(db, cancellationToken);
            return RunResult.Ok(timer.InstanceId, $"The timer was already {timer.Status}; nothing happened.");
        }
        return await RunAsync(db, timer.Instance, new FireTimer(timer.TimerId) { Actor = "timer" }, null, cancellationToken,
            changes => changes.Loaded(timer));
    }

    /// <summary>Delivers a message to the active instance of the case that waits for it.</summary>
    public async Task<RunResult> CorrelateMessageAsync(string businessKey, string messageName, JsonObject? data, string actor,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var candidates = await db.ProcessInstances.AsNoTracking()
            .Where(i => i.BusinessKey == businessKey
                && (i.Status == ProcessInstanceStatus.Running || i.Status == ProcessInstanceStatus.Incident))
            .OrderBy(i => i.Id)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0) return RunResult.NotFound($"Case '{businessKey}' has no active process.");
        var waiting = candidates.FirstOrDefault(i => RuntimeJson.DeserializeState(i.StateJson).Subscriptions
            .Any(s => s.Kind == SubscriptionKind.Message && s.MessageName == messageName));
        if (waiting is null) return RunResult.Rejected($"Nothing on case '{businessKey}' waits for message '{messageName}'.");
        return await RunAsync(db, waiting, new ReceiveMessage(messageName, data) { Actor = actor }, null, cancellationToken);
    }

    public async Task<RunResult> CorrelateMessageAsync(long instanceId, string messageName, JsonObject? data, string actor,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var instance = await db.ProcessInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is null) return RunResult.NotFound($"There is no instance {instanceId}.");
        if (!instance.IsActive) return RunResult.Rejected($"Instance {instanceId} has ended ({instance.Status}).", instanceId);
        return await RunAsync(db, instance, new ReceiveMessage(messageName, data) { Actor = actor }, null, cancellationToken);
    }

    /// <summary>Cancels an instance with its open tasks, timers and called processes. A called process is cancelled through its parent.</summary>
    public async Task<RunResult> CancelAsync(long instanceId, string reason, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var instance = await db.ProcessInstances.AsNoTracking().Include(i => i.ParentInstance)
            .FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is null) return RunResult.NotFound($"There is no instance {instanceId}.");
        if (!instance.IsActive) return RunResult.Rejected($"Instance {instanceId} has already ended ({instance.Status}).", instanceId);
        if (instance.ParentInstance is { IsActive: true } parent)
            return RunResult.Rejected($"Instance {instanceId} was called by instance {parent.Id}: cancel that one instead.", instanceId);
        return await RunAsync(db, instance, new CancelInstance(reason) { Actor = actor }, null, cancellationToken);
    }

    /// <summary>Applies the trigger of an unresolved incident again, once its cause is fixed.</summary>
    public async Task<RunResult> RetryIncidentAsync(long incidentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var incident = await db.Incidents.AsNoTracking().Include(i => i.Instance).FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        if (incident?.Instance is null) return RunResult.NotFound($"There is no incident {incidentId}.");
        if (incident.ResolvedAt is { } resolvedAt)
            return RunResult.Conflict($"Incident {incidentId} was already resolved at {resolvedAt:u}.", incident.InstanceId);
        if (!incident.Instance.IsActive)
            return RunResult.Rejected($"Instance {incident.InstanceId} has ended ({incident.Instance.Status}).", incident.InstanceId);
        var trigger = RuntimeJson.DeserializeTrigger(incident.TriggerJson);
        return await RunAsync(db, incident.Instance, trigger, incident, cancellationToken);
    }

    private async Task<RunResult> CompleteAsync(WorkflowDbContext db, UserTaskRecord? task, JsonObject? data, string actor,
        CancellationToken cancellationToken)
    {
        if (task?.Instance is null) return RunResult.NotFound("There is no such task.");
        if (task.Status != UserTaskStatus.Open) return AlreadyClosed(task);
        var result = await RunAsync(db, task.Instance, new CompleteTask(task.TaskId, data) { Actor = actor }, null, cancellationToken,
            changes => changes.Loaded(task));
        if (result.Outcome != RunOutcome.Conflict) return result;
        // Lost a race: say who won when it was this very step.
        db.ChangeTracker.Clear();
        var current = await db.UserTasks.AsNoTracking().FirstAsync(t => t.Id == task.Id, cancellationToken);
        return current.Status == UserTaskStatus.Open ? result : AlreadyClosed(current);
    }

    private static RunResult AlreadyClosed(UserTaskRecord task) => task.Status == UserTaskStatus.Completed
        ? RunResult.Conflict($"This step was already completed by {task.CompletedBy} at {task.CompletedAt:u}.", task.InstanceId)
        : RunResult.Conflict("This step was cancelled: the case moved on without it.", task.InstanceId);
}
