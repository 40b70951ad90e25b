namespace MonitoringWorkflows.Web.Notifications;

/// <summary>How far the deadline notices of a step have gone; the sweep only ever reads the first two.</summary>
public enum DeadlineStage { Ahead = 0, Reminded = 1, Finished = 2 }

/// <summary>
/// The deadline of an open step as the notifications see it: copied when its holders are told of the step, moved on
/// by the sweep. Kept apart from the inbox's own row so that the sweep reads an index of only the deadlines it still
/// has to act on, however many steps are open.
/// </summary>
public sealed class StepDeadlineRecord
{
    public long UserTaskId { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DeadlineStage Stage { get; set; }
    public DateTimeOffset? RemindedAt { get; set; }
    public DateTimeOffset? OverdueAt { get; set; }
}

/// <summary>The last user task whose holders were told of it: new steps are those above it.</summary>
public sealed class NotificationCursorRecord
{
    public const string Assignments = "assignments";

    public required string Name { get; set; }
    public long LastId { get; set; }
}
