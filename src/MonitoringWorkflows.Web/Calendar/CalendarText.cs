namespace MonitoringWorkflows.Web.Calendar;

/// <summary>The resource for the working calendar page.</summary>
public sealed class CalendarText;
