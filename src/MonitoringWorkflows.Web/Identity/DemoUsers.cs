using MonitoringWorkflows.Web.Organisation;

namespace MonitoringWorkflows.Web.Identity;

/// <summary>A demo login: one per role, and one agency member per member agency. The README lists them.</summary>
internal sealed record DemoUser(string Email, string DisplayName, string Role, bool InDistrict, string? AgencyCode = null)
{
    public const string Domain = "demo.az";

    public static readonly IReadOnlyList<DemoUser> All =
    [
        new($"admin@{Domain}", "Demo Administrator", Roles.Administrator, InDistrict: false),
        new($"chair@{Domain}", "Demo Chair", Roles.Chair, InDistrict: true),
        new($"secretary@{Domain}", "Demo Secretary", Roles.Secretary, InDistrict: true),
        new($"registrar@{Domain}", "Demo Registrar", Roles.Registrar, InDistrict: true),
        new($"analyst@{Domain}", "Demo National Analyst", Roles.NationalAnalyst, InDistrict: false),
        new($"education@{Domain}", "Demo Education", Roles.AgencyMember, InDistrict: true, AgencyCodes.Education),
        new($"health@{Domain}", "Demo Health", Roles.AgencyMember, InDistrict: true, AgencyCodes.Health),
        new($"police@{Domain}", "Demo Police", Roles.AgencyMember, InDistrict: true, AgencyCodes.Police),
        new($"prosecutor@{Domain}", "Demo Prosecutor", Roles.AgencyMember, InDistrict: true, AgencyCodes.Prosecutor),
        new($"social@{Domain}", "Demo Social Protection", Roles.AgencyMember, InDistrict: true, AgencyCodes.SocialProtection),
        new($"registration@{Domain}", "Demo Registration", Roles.AgencyMember, InDistrict: true, AgencyCodes.Registration),
    ];
}
