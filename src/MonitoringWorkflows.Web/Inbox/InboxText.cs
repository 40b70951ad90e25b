namespace MonitoringWorkflows.Web.Inbox;

/// <summary>The resource for the inbox pages and the messages of the tasks API.</summary>
public sealed class InboxText;
