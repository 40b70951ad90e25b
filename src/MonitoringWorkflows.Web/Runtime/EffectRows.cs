using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Runtime;

/// <summary>The row each effect adds. Rows point at their instance object: a new instance has no id until written.</summary>
internal static class EffectRows
{
    public static UserTaskRecord Task(ProcessInstanceRecord instance, UserTaskCreated created, DateTimeOffset now) => new()
    {
        Instance = instance, TaskId = created.TaskId, ElementId = created.ElementId, Name = created.Name,
        Agency = created.Agency, Role = created.Role, FormKey = created.FormKey, InputJson = created.Input?.ToJsonString(),
        CreatedAt = now, DueAt = created.DueAt, Status = UserTaskStatus.Open,
    };

    public static TimerRecord Timer(ProcessInstanceRecord instance, TimerScheduled scheduled) => new()
    {
        Instance = instance, TimerId = scheduled.TimerId, ElementId = scheduled.ElementId,
        DueAt = scheduled.DueAt, Status = TimerStatus.Pending,
    };

    public static OutboxMessageRecord Outbox(ProcessInstanceRecord instance, OutboxMessage message, DateTimeOffset now) => new()
    {
        Instance = instance, Kind = message.Kind, ElementId = message.ElementId,
        PayloadJson = message.Payload.ToJsonString(), CreatedAt = now,
    };

    public static JournalEntryRecord Journal(ProcessInstanceRecord instance, JournalEntry entry, DateTimeOffset now) => new()
    {
        Instance = instance, At = now, Kind = entry.Kind, ElementId = entry.ElementId, Actor = entry.Actor,
        Detail = entry.Detail, DataJson = entry.Data?.ToJsonString(),
    };

    public static ProcessInstanceStatus Status(InstanceStatus ended) => ended switch
    {
        InstanceStatus.Completed => ProcessInstanceStatus.Completed,
        InstanceStatus.Terminated => ProcessInstanceStatus.Terminated,
        InstanceStatus.Cancelled => ProcessInstanceStatus.Cancelled,
        _ => throw new NotSupportedException($"An instance cannot end as {ended}."),
    };
}
