using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MonitoringWorkflows.Web.Notifications;

/// <summary>
/// Sends each notification by e-mail too, when <c>Notifications:Smtp:Host</c> is set. A failure is logged and the
/// in-app notification stands; a mail that failed is not retried (the bell still shows it).
/// </summary>
public sealed class NotificationMail(IOptions<NotificationOptions> options, IStringLocalizer<NotificationsText> text, ILogger<NotificationMail> logger)
{
    public async Task SendAsync(IReadOnlyList<OutgoingNotification> notifications, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (!smtp.IsConfigured || notifications.Count == 0) return;
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl, Timeout = (int)smtp.Timeout.TotalMilliseconds, DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(smtp.UserName)) client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        foreach (var (notification, email) in notifications)
        {
            if (string.IsNullOrWhiteSpace(email)) continue;
            try
            {
                using var message = Compose(smtp, notification, email);
                await client.SendMailAsync(message, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogWarning(failure, "E-mail for notification {Id} to {Email} not sent.", notification.Id, email);
            }
        }
    }

    private MailMessage Compose(SmtpSettings smtp, NotificationRecord notification, string email)
    {
        // Sent from a background pass: the resources' neutral language (Azerbaijani) unless the thread says otherwise.
        var body = new List<string> { notification.Subject };
        if (notification.Text is { } said) body.Add(said);
        if (notification.CaseNumber is { } number) body.Add(text["Case", number]);
        if (notification.DueAt is { } due) body.Add(text["DueAt", due.ToString("yyyy-MM-dd HH:mm 'UTC'")]);
        if (notification.Link is { } link) body.Add((smtp.SiteAddress?.TrimEnd('/') ?? "") + link);
        return new MailMessage(smtp.From, email)
        {
            Subject = $"{text["Kind_" + notification.Kind]}: {notification.Subject}",
            Body = string.Join("\n\n", body),
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
        };
    }
}
