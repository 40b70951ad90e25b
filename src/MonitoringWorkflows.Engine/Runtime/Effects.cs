using System.Text.Json.Nodes;

namespace MonitoringWorkflows.Engine.Runtime;

/// <summary>What the host must do, in the same transaction as the new state, after a step.</summary>
public abstract record Effect;

/// <summary>Open an inbox item. <see cref="TaskId"/> is unique within the instance and is what <see cref="CompleteTask"/> names.</summary>
public sealed record UserTaskCreated(
    int TaskId, string ElementId, string? Name, string? Agency, string? Role, string? FormKey,
    DateTimeOffset? DueAt, JsonObject? Input) : Effect;

public sealed record UserTaskCancelled(int TaskId, string ElementId) : Effect;

public sealed record UserTaskCompleted(int TaskId, string ElementId, string Actor) : Effect;

public sealed record TimerScheduled(int TimerId, string ElementId, DateTimeOffset DueAt) : Effect;

public sealed record TimerCancelled(int TimerId, string ElementId) : Effect;

/// <summary>Start the latest published version of <see cref="ProcessId"/> as a child of the token's call activity.</summary>
public sealed record CalledProcessStarted(int TokenId, string ElementId, string ProcessId, JsonObject Variables) : Effect;

/// <summary>Cancel the child instance started for the call activity on this token.</summary>
public sealed record CalledProcessCancelled(int TokenId, string ElementId) : Effect;

/// <summary>A message a built-in action asks the host to deliver (notification, e-mail…), kept in the outbox.</summary>
public sealed record OutboxMessage(string Kind, string ElementId, JsonObject Payload) : Effect;

public sealed record InstanceEnded(InstanceStatus Status) : Effect;

/// <summary>A called process ended on an error nobody inside it caught; the host passes it to the parent as <see cref="FailCalledProcess"/>.</summary>
public sealed record ErrorEscaped(string ErrorCode, string ElementId) : Effect;

/// <summary>
/// A line in the instance's journal: who did what to which element. <see cref="Data"/> may be the very object a trigger
/// brought (submitted form data, a message's payload): read it, never change it.
/// </summary>
public sealed record JournalEntry(JournalKind Kind, string? ElementId, string Actor, string? Detail = null, JsonObject? Data = null) : Effect;

public enum JournalKind
{
    InstanceStarted,
    ElementEntered,
    ElementCompleted,
    ElementCancelled,
    FlowTaken,
    VariablesChanged,
    TimerFired,
    MessageReceived,
    ErrorThrown,
    TriggerIgnored,
    InstanceCompleted,
    InstanceTerminated,
    InstanceCancelled,

    /// <summary>Not written by the engine: an administrator moved a pending timer's due time (the host's operations).</summary>
    TimerRescheduled,

    /// <summary>Not written by the engine: someone retried an incident (the host's operations); the detail says how it went.</summary>
    IncidentRetried,
    /// <summary>Not written by the engine: a group meeting recorded its decision on a case that waited for none (no message sent).</summary>
    GroupDecisionRecorded,
    /// <summary>Not written by the engine: an administrator moved a running instance to another version of its process.</summary>
    InstanceMigrated,
}
