namespace MonitoringWorkflows.Web.Figures;

/// <summary>The resource for the figures page.</summary>
public sealed class FiguresText;
