namespace MonitoringWorkflows.Web.Scheduling;

/// <summary>The resource for the pending timers panel and the instance timers page.</summary>
public sealed class SchedulingText;
