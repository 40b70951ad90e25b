namespace MonitoringWorkflows.Web.Meetings;

public enum MeetingStatus { Scheduled, Closed }

/// <summary>A meeting of a district's monitoring group: its agenda, attendance and, once closed, its read-only minutes.</summary>
public sealed class MeetingRecord
{
    public long Id { get; set; }
    public int DistrictId { get; set; }

    /// <summary>When the group meets (stored in UTC; shown in Baku time).</summary>
    public DateTimeOffset ScheduledAt { get; set; }
    public required string Place { get; set; }
    public MeetingStatus Status { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? ClosedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Concurrency token, raised by every change and by closing: an edit that raced the closing fails instead of slipping in.</summary>
    public int Revision { get; set; }

    public List<AgendaItemRecord> Items { get; set; } = [];
    public List<AttendanceRecord> Attendance { get; set; } = [];
}

/// <summary>One case on a meeting's agenda, why it was proposed, and what the group decided about it.</summary>
public sealed class AgendaItemRecord
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public MeetingRecord? Meeting { get; set; }
    public required string CaseNumber { get; set; }

    /// <summary>The <see cref="AgendaReasons"/> codes, comma-separated; empty when the secretary added the case by hand.</summary>
    public string Reasons { get; set; } = "";
    public int Position { get; set; }
    public string? Decision { get; set; }

    /// <summary>One of <see cref="DecisionOutcomes.All"/>; null until the group decided.</summary>
    public string? Outcome { get; set; }

    /// <summary>What closing the minutes did with the decision (<see cref="Deliveries"/>); null while the meeting is open.</summary>
    public string? Delivery { get; set; }
    public string? DeliveryNote { get; set; }

    public List<MeetingActionRecord> Actions { get; set; } = [];
}

/// <summary>An action the group gave an agency on a case, due by a date: on closing it becomes a step in that agency's inbox.</summary>
public sealed class MeetingActionRecord
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public AgendaItemRecord? Item { get; set; }
    public required string Agency { get; set; }
    public required string Text { get; set; }
    public DateOnly DueDate { get; set; }
}

/// <summary>Whether an agency was represented at the meeting, and by whom.</summary>
public sealed class AttendanceRecord
{
    public long MeetingId { get; set; }
    public required string Agency { get; set; }
    public bool Present { get; set; }
    public string? Name { get; set; }
}
