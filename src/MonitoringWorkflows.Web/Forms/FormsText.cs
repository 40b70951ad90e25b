namespace MonitoringWorkflows.Web.Forms;

/// <summary>The resource for the messages of refused form fields.</summary>
public sealed class FormsText;
