namespace MonitoringWorkflows.Engine.Runtime;

/// <summary>
/// The outcome of one trigger. On success <see cref="State"/> is the new state and <see cref="Effects"/> what the
/// host must apply with it. On an incident the state is the one given (nothing moved) and the incident says why.
/// </summary>
public sealed record StepResult(InstanceState State, IReadOnlyList<Effect> Effects, Incident? Incident = null, Rejection? Rejection = null)
{
    public bool Succeeded => Incident is null && Rejection is null;
}

/// <summary>An unexpected failure while applying a trigger: the instance stays as it was, and the step can be retried.</summary>
public sealed record Incident(string Code, string? ElementId, string Message);

/// <summary>A refusal the caller can act on (a message nobody waits for, a start on a running instance): nothing changed.</summary>
public sealed record Rejection(string Code, string Message);
