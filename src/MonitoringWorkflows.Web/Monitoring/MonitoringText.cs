namespace MonitoringWorkflows.Web.Monitoring;

/// <summary>The resource for the dashboard and the process monitor.</summary>
public sealed class MonitoringText;
