namespace MonitoringWorkflows.Web.Organisation;

/// <summary>The resource for the administrators' pages: users, agencies, districts.</summary>
public sealed class OrganisationText;
