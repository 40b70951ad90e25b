using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Designer.TestRuns;

/// <summary>One instance of a test run: the draft under test (number 1) or a process it called.</summary>
internal sealed class SandboxInstance
{
    public required int No { get; init; }
    public int? ParentNo { get; init; }
    public int? ParentTokenId { get; init; }
    public required string ProcessKey { get; init; }

    /// <summary><c>draft</c> for posted XML, else <c>vN</c>.</summary>
    public required string Version { get; init; }
    public required string BpmnXml { get; init; }
    public required ProcessDefinition Definition { get; init; }
    public InstanceState State { get; set; } = new();
    public bool IsActive => State.Status == InstanceStatus.Running;
}

/// <summary>An open user task of a test run; <see cref="Id"/> is unique in the run, <see cref="TaskId"/> the engine's within its instance.</summary>
public sealed record SandboxTask(int Id, int InstanceNo, int TaskId, string ElementId, string? Name, string? Agency, string? Role,
    string? FormKey, DateTimeOffset? DueAt, JsonObject? Input);

/// <summary>A pending timer of a test run; nothing fires it but the administrator.</summary>
public sealed record SandboxTimer(int Id, int InstanceNo, int TimerId, string ElementId, DateTimeOffset DueAt);

public sealed record SandboxJournalLine(int InstanceNo, DateTimeOffset At, string Kind, string? ElementId, string Actor, string? Detail, JsonObject? Data);

/// <summary>What a service task asked the host to do (a notification…): recorded, never performed.</summary>
public sealed record RecordedAction(int InstanceNo, string Kind, string ElementId, JsonObject Payload);

public sealed record SandboxIncident(int InstanceNo, string Code, string? ElementId, string Message);

/// <summary>
/// A sandboxed run of a draft, held in memory only: its instances' states, open tasks, timers, journal and the actions
/// its service tasks asked for. Nothing of it reaches the database, the clock or the notifications. Its own clock
/// starts at the real time and moves forward to a timer's due time when that timer is fired.
/// </summary>
public sealed class TestRun
{
    internal TestRun(Guid id, string owner, DateTimeOffset now)
    {
        Id = id;
        Owner = owner;
        CreatedAt = LastUsedAt = Now = now;
    }

    public Guid Id { get; }
    public string Owner { get; }
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset LastUsedAt { get; internal set; }
    public DateTimeOffset Now { get; internal set; }

    /// <summary>One trigger at a time per run (two tabs of one administrator may click at once).</summary>
    internal SemaphoreSlim Gate { get; } = new(1, 1);

    internal List<SandboxInstance> Instances { get; private set; } = [];
    internal List<SandboxTask> Tasks { get; private set; } = [];
    internal List<SandboxTimer> Timers { get; private set; } = [];
    internal List<SandboxJournalLine> Journal { get; private set; } = [];
    internal List<RecordedAction> Actions { get; private set; } = [];
    internal List<SandboxIncident> Incidents { get; } = [];
    internal int NextTaskId { get; set; } = 1;
    internal int NextTimerId { get; set; } = 1;

    internal SandboxInstance Main => Instances[0];

    /// <summary>Everything a unit of work may change, to put back when one of its steps fails.</summary>
    internal Action Snapshot()
    {
        var states = Instances.Select(i => RuntimeJson.Serialize(i.State)).ToList();
        var (instances, tasks, timers, journal, actions) = (Instances.ToList(), Tasks.ToList(), Timers.ToList(), Journal.ToList(), Actions.ToList());
        var (nextTask, nextTimer, now) = (NextTaskId, NextTimerId, Now);
        return () =>
        {
            for (var i = 0; i < states.Count; i++) instances[i].State = RuntimeJson.DeserializeState(states[i]);
            (Instances, Tasks, Timers, Journal, Actions) = (instances, tasks, timers, journal, actions);
            (NextTaskId, NextTimerId, Now) = (nextTask, nextTimer, now);
        };
    }
}
