namespace MonitoringWorkflows.Web.Incidents;

/// <summary>The resource for the incidents page and API messages.</summary>
public sealed class IncidentsText;
