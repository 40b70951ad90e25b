using System.Text.Json.Nodes;

namespace MonitoringWorkflows.Engine.Runtime;

/// <summary>Something that happens to an instance; the executor computes what follows.</summary>
public abstract record Trigger
{
    /// <summary>Who caused it (a user id, <c>system</c>, <c>timer</c>); recorded in the journal.</summary>
    public string Actor { get; init; } = "system";
}

/// <summary>
/// Starts a new instance at the process's none start event with the given variables.
/// <paramref name="IsCalledProcess"/> marks a child of a call activity: an error it does not catch ends it
/// (with <see cref="ErrorEscaped"/>) instead of raising an incident, so the parent's boundary can catch it.
/// </summary>
public sealed record StartInstance(JsonObject? Variables = null, bool IsCalledProcess = false) : Trigger;

/// <summary>Completes the user task <paramref name="TaskId"/> (from <see cref="UserTaskCreated"/>) with the submitted data.</summary>
public sealed record CompleteTask(int TaskId, JsonObject? Data = null) : Trigger;

/// <summary>A scheduled timer came due.</summary>
public sealed record FireTimer(int TimerId) : Trigger;

/// <summary>A message for this instance (the case is the correlation key).</summary>
public sealed record ReceiveMessage(string MessageName, JsonObject? Data = null) : Trigger;

/// <summary>The child instance started by the call activity on token <paramref name="TokenId"/> has ended.</summary>
public sealed record CompleteCalledProcess(int TokenId, JsonObject? ChildVariables = null) : Trigger;

/// <summary>The child instance started by the call activity on token <paramref name="TokenId"/> threw a BPMN error nobody inside it caught.</summary>
public sealed record FailCalledProcess(int TokenId, string ErrorCode) : Trigger;

/// <summary>Cancels the whole instance: every open task, timer and child instance with it.</summary>
public sealed record CancelInstance(string Reason) : Trigger;
