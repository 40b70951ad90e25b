namespace MonitoringWorkflows.Web.Dashboard;

/// <summary>The resource for the home page.</summary>
public sealed class DashboardText;
