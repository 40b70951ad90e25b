namespace MonitoringWorkflows.Web.Meetings;

/// <summary>A new meeting: its day, time (10:00 when none is given) and place, as the schedule form and the API send them.</summary>
public sealed class ScheduleRequest
{
    public DateOnly? Date { get; set; }
    public TimeOnly? Time { get; set; }
    public string? Place { get; set; }
}

public sealed class AgendaCaseRequest
{
    public string? CaseNumber { get; set; }
}

public sealed class AttendanceRequest
{
    public List<AttendanceEntry> Agencies { get; set; } = [];
}

public sealed class AttendanceEntry
{
    public string? Agency { get; set; }
    public bool Present { get; set; }
    public string? Name { get; set; }
}

/// <summary>The group's decision on one case; it replaces what was recorded before (the meeting still open).</summary>
public sealed class DecisionRequest
{
    public string? Decision { get; set; }
    public string? Outcome { get; set; }
    public List<ActionRequest> Actions { get; set; } = [];
}

/// <summary>An action for one agency, due by a date after today; a row with nothing filled in is ignored.</summary>
public sealed class ActionRequest
{
    public string? Agency { get; set; }
    public string? Text { get; set; }
    public DateOnly? DueDate { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Agency) && string.IsNullOrWhiteSpace(Text) && DueDate is null;
}

/// <summary>Closing cannot be undone: the caller confirms it.</summary>
public sealed class CloseRequest
{
    public bool Confirm { get; set; }
}
