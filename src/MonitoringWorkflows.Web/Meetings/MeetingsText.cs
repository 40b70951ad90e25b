namespace MonitoringWorkflows.Web.Meetings;

/// <summary>The resource for the meeting pages and the meeting API's messages.</summary>
public sealed class MeetingsText;
