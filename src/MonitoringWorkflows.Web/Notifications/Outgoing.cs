using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Notifications;

/// <summary>A notification written in this pass, with where to e-mail it once the pass has committed.</summary>
public sealed record OutgoingNotification(NotificationRecord Notification, string? Email);

/// <summary>What one delivery or sweep transaction tells: added to the context, e-mailed after the commit.</summary>
internal sealed class Outgoing(WorkflowDbContext db, DateTimeOffset now)
{
    public List<OutgoingNotification> Written { get; } = [];

    public void Tell(IEnumerable<Recipient> recipients, NotificationKind kind, string subject, string? text,
        string? caseNumber, string? link, DateTimeOffset? dueAt, string source)
    {
        foreach (var recipient in recipients)
        {
            var notification = new NotificationRecord
            {
                RecipientId = recipient.UserId, Kind = kind, Subject = Clip(subject, 400), Text = text is null ? null : Clip(text, 4000),
                CaseNumber = caseNumber, Link = link, DueAt = dueAt, Source = source, CreatedAt = now,
            };
            db.Set<NotificationRecord>().Add(notification);
            Written.Add(new OutgoingNotification(notification, recipient.Email));
        }
    }

    public static string InboxLink(long userTaskId) => $"/inbox/{userTaskId}";

    public static string? CaseLink(string? caseNumber) => caseNumber is null ? null : $"/cases/{Uri.EscapeDataString(caseNumber)}";

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..length];
}
