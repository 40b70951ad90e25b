using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Bench.InMemory;

/// <summary>What the in-memory host keeps of one instance: its state and, from the effects alone, what is open.</summary>
internal sealed class InstanceRun(ProcessDefinition definition)
{
    public ProcessDefinition Definition { get; } = definition;
    public InstanceState State { get; set; } = new();
    public InstanceStatus Status { get; set; } = InstanceStatus.Running;

    /// <summary>Inbox items in the order they were opened.</summary>
    public List<UserTaskCreated> OpenTasks { get; } = [];

    /// <summary>Pending timers by id, with their due time.</summary>
    public Dictionary<int, DateTimeOffset> Timers { get; } = [];

    /// <summary>Triggers the host owes the instance (a called process that has ended).</summary>
    public Queue<Trigger> Owed { get; } = new();

    /// <summary>The error code that ended a called process, when one escaped it.</summary>
    public string? EscapedError { get; set; }
}
