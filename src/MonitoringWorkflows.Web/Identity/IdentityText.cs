namespace MonitoringWorkflows.Web.Identity;

/// <summary>The resource for the sign-in, password and two-factor pages.</summary>
public sealed class IdentityText;
