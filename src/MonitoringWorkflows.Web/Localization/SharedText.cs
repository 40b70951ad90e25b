namespace MonitoringWorkflows.Web.Localization;

/// <summary>
/// The resource for strings every feature shows: the layout, role and agency names, validation messages.
/// Feature pages keep their own strings beside them (<c>IdentityText</c>, <c>OrganisationText</c>, …).
/// </summary>
public sealed class SharedText;
