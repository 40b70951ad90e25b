namespace MonitoringWorkflows.Web.Notifications;

/// <summary>The resource for the bell, the notifications page and the e-mails.</summary>
public sealed class NotificationsText;
