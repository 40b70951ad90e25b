using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MonitoringWorkflows.Engine.Runtime;

public enum InstanceStatus { Running, Completed, Terminated, Cancelled }

/// <summary>
/// Everything the executor needs to continue an instance. The host owns it (it is stored as JSON with the
/// instance) and hands it to the executor with each trigger; the executor never keeps it.
/// </summary>
public sealed class InstanceState
{
    public InstanceStatus Status { get; set; } = InstanceStatus.Running;

    /// <summary>True for a child instance started by a call activity: an error it does not catch ends it and goes to the parent.</summary>
    public bool IsCalledProcess { get; set; }

    /// <summary>The next id handed out to a token, scope or subscription; ids are never reused within an instance.</summary>
    public int NextId { get; set; } = 1;

    public List<Token> Tokens { get; set; } = [];
    public List<ScopeInstance> Scopes { get; set; } = [];
    public List<Subscription> Subscriptions { get; set; } = [];

    /// <summary>The instance's variables (JSON values).</summary>
    public JsonObject Variables { get; set; } = [];

    internal int TakeId() => NextId++;

    /// <summary>
    /// The executor's working copy for one step: tokens, scopes and subscriptions are copied; the variable map is
    /// shared, since the executor keeps a step's writes apart and applies them to the map only when the step succeeds.
    /// </summary>
    internal InstanceState CopyForStep() => new()
    {
        Status = Status,
        IsCalledProcess = IsCalledProcess,
        NextId = NextId,
        Tokens = Tokens.Select(t => t with { }).ToList(),
        Scopes = Scopes.Select(s => s.Clone()).ToList(),
        Subscriptions = Subscriptions.Select(s => s with { }).ToList(),
        Variables = Variables,
    };

    /// <summary>The id of the process scope, which every instance has while it runs.</summary>
    public const int ProcessScopeId = 0;
}

public enum TokenPhase
{
    /// <summary>Just arrived at its element: the executor will enter the element.</summary>
    Ready,
    /// <summary>Parked at a wait state (user task, timer, message, call activity, sub-process, multi-instance) until a trigger.</summary>
    Waiting,
    /// <summary>Arrived at a joining gateway and waiting for the other branches.</summary>
    Joining,
}

public enum WaitKind { None, UserTask, Timer, Message, CalledProcess, Scope }

/// <summary>A token on one element inside one scope.</summary>
public sealed record Token
{
    public required int Id { get; init; }
    public required string ElementId { get; set; }
    public required int ScopeId { get; init; }
    public TokenPhase Phase { get; set; }

    /// <summary>While <see cref="TokenPhase.Waiting"/>: what the token waits for.</summary>
    public WaitKind Wait { get; set; }

    /// <summary>
    /// While waiting on a user task: the task's id, new for every task (a token keeps its id as it moves on, so the
    /// token id cannot name the task).
    /// </summary>
    public int? TaskId { get; set; }

    /// <summary>The flow the token arrived by (joins count tokens per incoming flow).</summary>
    public string? ArrivedVia { get; set; }

    /// <summary>When the token entered its current element (for due dates and step durations).</summary>
    public DateTimeOffset EnteredAt { get; set; }
}

public enum ScopeKind { Process, SubProcess, MultiInstance, MultiInstanceBody }

/// <summary>
/// An execution scope: the process, one run of an embedded sub-process, a multi-instance activity (the
/// bookkeeping of its bodies) or one multi-instance body. Every scope but the process belongs to the token
/// waiting on its activity in the parent scope.
/// </summary>
public sealed class ScopeInstance
{
    public required int Id { get; init; }
    public required ScopeKind Kind { get; init; }
    public required string ElementId { get; init; }
    public int? ParentScopeId { get; init; }

    /// <summary>The token waiting on the activity that owns this scope (null for the process scope).</summary>
    public int? OwnerTokenId { get; init; }

    /// <summary>Variables local to this scope (a multi-instance body's element variable and loop counter).</summary>
    public JsonObject? Locals { get; set; }

    /// <summary>Multi-instance: the elements still to run (sequential) and the counters the body can read.</summary>
    public JsonArray? PendingItems { get; set; }
    public int NrOfInstances { get; set; }
    public int NrOfCompletedInstances { get; set; }
    public int NrOfActiveInstances { get; set; }

    [JsonIgnore]
    public bool IsProcess => Kind == ScopeKind.Process;

    public ScopeInstance Clone() => new()
    {
        Id = Id,
        Kind = Kind,
        ElementId = ElementId,
        ParentScopeId = ParentScopeId,
        OwnerTokenId = OwnerTokenId,
        Locals = Locals?.DeepClone() as JsonObject,
        PendingItems = PendingItems?.DeepClone() as JsonArray,
        NrOfInstances = NrOfInstances,
        NrOfCompletedInstances = NrOfCompletedInstances,
        NrOfActiveInstances = NrOfActiveInstances,
    };
}

public enum SubscriptionKind { Timer, Message }

/// <summary>A wait for a timer or a message, held by a token (a catch event's or an activity's, for boundaries).</summary>
public sealed record Subscription
{
    public required int Id { get; init; }
    public required SubscriptionKind Kind { get; init; }
    public required int TokenId { get; init; }

    /// <summary>The catch event or boundary event that waits.</summary>
    public required string ElementId { get; init; }

    public DateTimeOffset? DueAt { get; set; }

    /// <summary>For a cycle timer: repetitions still to fire (null: without end) and the interval.</summary>
    public int? RemainingRepetitions { get; set; }
    public string? CycleInterval { get; set; }

    public string? MessageName { get; init; }
}
