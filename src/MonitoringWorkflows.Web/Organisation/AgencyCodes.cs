namespace MonitoringWorkflows.Web.Organisation;

/// <summary>
/// The six member agencies of every monitoring group. Their codes are what a BPMN <c>mw:agency</c> names and what a
/// user task stores, so they never change; administrators may add more agencies with codes of their own.
/// </summary>
public static class AgencyCodes
{
    public const string Education = "Education";
    public const string Health = "Health";
    public const string Police = "Police";
    public const string Prosecutor = "Prosecutor";
    public const string SocialProtection = "SocialProtection";
    public const string Registration = "Registration";

    public static readonly IReadOnlyList<string> MemberAgencies =
        [Education, Health, Police, Prosecutor, SocialProtection, Registration];
}
