namespace MonitoringWorkflows.Web.Meetings;

public sealed record MeetingRow(long Id, DateTimeOffset ScheduledAt, string Place, string Status, int Items);

/// <summary>A district's meetings: those not closed yet (upcoming, soonest first) and the closed ones (latest first).</summary>
public sealed record MeetingList(IReadOnlyList<MeetingRow> Upcoming, IReadOnlyList<MeetingRow> Past);

/// <summary>A meeting with its agenda, attendance and decisions: the minutes once it is closed.</summary>
public sealed record MeetingView(
    long Id, DateTimeOffset ScheduledAt, string Place, string Status, string CreatedBy, string? ClosedBy, DateTimeOffset? ClosedAt,
    IReadOnlyList<AttendanceView> Attendance, IReadOnlyList<AgendaItemView> Items)
{
    public bool IsClosed => Status == nameof(MeetingStatus.Closed);
}

/// <summary>
/// A case on the agenda. <see cref="WaitingForDecision"/> tells whether closing will send the decision to the case's
/// group review (true) or only record it (false); it is read live while the meeting is open.
/// </summary>
public sealed record AgendaItemView(
    long Id, string CaseNumber, IReadOnlyList<string> Reasons, string? RiskLevel, bool WaitingForDecision, string? Decision,
    string? Outcome, IReadOnlyList<ActionView> Actions, string? Delivery, string? DeliveryNote);

public sealed record ActionView(long Id, string Agency, string Text, DateOnly DueDate);

public sealed record AttendanceView(string Agency, bool Present, string? Name);

/// <summary>What a change to a meeting came to: expected failures are data (404, 409 once closed, 400 with field errors).</summary>
public enum ChangeOutcome { Ok, NotFound, Closed, Invalid }

public sealed record MeetingChange(ChangeOutcome Outcome, IReadOnlyDictionary<string, string[]>? Errors = null, long? Id = null)
{
    public static readonly MeetingChange NotFound = new(ChangeOutcome.NotFound);
    public static readonly MeetingChange Closed = new(ChangeOutcome.Closed);

    public static MeetingChange Ok(long id) => new(ChangeOutcome.Ok, null, id);

    public static MeetingChange Invalid(IReadOnlyDictionary<string, string[]> errors) => new(ChangeOutcome.Invalid, errors);
}
