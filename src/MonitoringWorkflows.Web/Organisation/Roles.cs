namespace MonitoringWorkflows.Web.Organisation;

/// <summary>The roles a user of the monitoring group can hold; the names are also the BPMN <c>mw:role</c> values.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Chair = "Chair";
    public const string Secretary = "Secretary";
    public const string AgencyMember = "AgencyMember";
    public const string Registrar = "Registrar";
    public const string NationalAnalyst = "NationalAnalyst";

    public static readonly IReadOnlyList<string> All =
        [Administrator, Chair, Secretary, AgencyMember, Registrar, NationalAnalyst];

    /// <summary>Roles whose holders must sign in with a second factor: they manage users or see every case of a district.</summary>
    public static readonly IReadOnlySet<string> RequiringTwoFactor = new HashSet<string>([Administrator, Chair]);
}
