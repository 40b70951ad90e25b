namespace MonitoringWorkflows.Web.Audit;

/// <summary>The resource for the audit search.</summary>
public sealed class AuditText;
