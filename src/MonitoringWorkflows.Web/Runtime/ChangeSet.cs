using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Runtime;

/// <summary>
/// The rows one unit of work adds and changes, kept as plain objects (EF change tracking costs more than the whole
/// step on the hot path) and written by <see cref="StepWriter"/> in one transaction. New rows point at their instance
/// object, because a new instance gets its id only when it is written.
/// </summary>
internal sealed class ChangeSet
{
    private readonly Dictionary<ProcessInstanceRecord, (int Version, ProcessInstanceStatus Status)> originals =
        new(ReferenceEqualityComparer.Instance);

    public List<ProcessInstanceRecord> NewInstances { get; } = [];
    public Dictionary<long, ProcessInstanceRecord> LoadedInstances { get; } = [];
    public Dictionary<long, UserTaskRecord> LoadedTasks { get; } = [];
    public Dictionary<long, TimerRecord> LoadedTimers { get; } = [];
    public HashSet<long> ChangedTasks { get; } = [];
    public HashSet<long> ChangedTimers { get; } = [];
    public List<UserTaskRecord> NewTasks { get; } = [];
    public List<TimerRecord> NewTimers { get; } = [];
    public List<JournalEntryRecord> Journal { get; } = [];
    public List<OutboxMessageRecord> Outbox { get; } = [];
    public List<long> ResolvedIncidents { get; } = [];
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Instances stored before this unit of work that it changed, with the version and status each was read at.</summary>
    public IEnumerable<(ProcessInstanceRecord Instance, int ReadVersion, ProcessInstanceStatus ReadStatus)> ChangedInstances =>
        originals.Where(p => p.Key.Id != 0 && !NewInstances.Contains(p.Key)).Select(p => (p.Key, p.Value.Version, p.Value.Status));

    public void Track(ProcessInstanceRecord instance)
    {
        if (instance.Id != 0) LoadedInstances.TryAdd(instance.Id, instance);
        originals.TryAdd(instance, (instance.Version, instance.Status));
    }

    public void Add(ProcessInstanceRecord instance)
    {
        NewInstances.Add(instance);
        originals.TryAdd(instance, (instance.Version, instance.Status));
    }

    public UserTaskRecord Loaded(UserTaskRecord task) => LoadedTasks.TryAdd(task.Id, task) ? task : LoadedTasks[task.Id];

    public TimerRecord Loaded(TimerRecord timer) => LoadedTimers.TryAdd(timer.Id, timer) ? timer : LoadedTimers[timer.Id];
}
