namespace MonitoringWorkflows.Web.Cases;

/// <summary>The resource for the report form and the case pages.</summary>
public sealed class CasesText;
