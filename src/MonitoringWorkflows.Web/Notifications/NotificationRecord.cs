namespace MonitoringWorkflows.Web.Notifications;

/// <summary>Why a user is told something: a step given to them, its deadline, or a message a process sent.</summary>
public enum NotificationKind { Assignment, Reminder, Overdue, Escalation, Expiry, Message }

/// <summary>One thing one user is told, shown under the bell until they mark it read.</summary>
public sealed class NotificationRecord
{
    public long Id { get; set; }

    /// <summary>The Identity user id of the one person who sees it.</summary>
    public required string RecipientId { get; set; }
    public NotificationKind Kind { get; set; }
    public required string Subject { get; set; }
    public string? Text { get; set; }
    public string? CaseNumber { get; set; }

    /// <summary>Where it leads: the inbox step (<c>/inbox/{id}</c>) or the case (<c>/cases/{number}</c>).</summary>
    public string? Link { get; set; }

    /// <summary>The step's due date, for reminders and overdue notices (shown in the reader's time and language).</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>
    /// What caused it (<c>outbox:12</c>, <c>assignment:34</c>…): unique per recipient, so that however a delivery is
    /// retried or raced, nobody is told the same thing twice.
    /// </summary>
    public required string Source { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
