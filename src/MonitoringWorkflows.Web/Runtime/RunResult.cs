namespace MonitoringWorkflows.Web.Runtime;

public enum RunOutcome
{
    Ok,
    /// <summary>No such instance, task, timer or incident.</summary>
    NotFound,
    /// <summary>Someone else moved the instance first (or already completed this step); reload and decide again.</summary>
    Conflict,
    /// <summary>The engine refused the trigger (nobody waits for that message, the instance has ended…); nothing changed.</summary>
    Rejected,
    /// <summary>The step failed; nothing moved, and an incident was recorded to retry once the cause is fixed.</summary>
    Incident,
}

/// <summary>What happened to a trigger: expected failures are data, not exceptions.</summary>
public sealed record RunResult(RunOutcome Outcome, string? Message = null, long? InstanceId = null, long? IncidentId = null)
{
    public bool IsOk => Outcome == RunOutcome.Ok;

    internal static RunResult Ok(long instanceId, string? message = null) => new(RunOutcome.Ok, message, instanceId);
    internal static RunResult NotFound(string message) => new(RunOutcome.NotFound, message);
    internal static RunResult Conflict(string message, long? instanceId = null) => new(RunOutcome.Conflict, message, instanceId);
    internal static RunResult Rejected(string message, long? instanceId = null) => new(RunOutcome.Rejected, message, instanceId);
}
