namespace MonitoringWorkflows.Web.Organisation;

/// <summary>Which field of a membership is wrong and why; <see cref="Code"/> is also the key of its message.</summary>
public sealed record MembershipError(string Field, string Code);

/// <summary>
/// Where a user sits in the organisation: national users (analysts, and administrators who serve every district)
/// belong to no district; everyone else to exactly one. Agency members belong to one agency; a registrar may, as any
/// member may record reports; the other roles speak for no agency.
/// </summary>
public static class Membership
{
    public const string DistrictField = "District";
    public const string AgencyField = "Agency";

    public static IReadOnlyList<MembershipError> Check(string role, int? districtId, string? agencyCode)
    {
        var errors = new List<MembershipError>();
        var district = DistrictRule(role);
        if (district == Need.Required && districtId is null) errors.Add(new(DistrictField, "DistrictRequired"));
        if (district == Need.Forbidden && districtId is not null) errors.Add(new(DistrictField, "DistrictNotAllowed"));
        var agency = AgencyRule(role);
        if (agency == Need.Required && string.IsNullOrEmpty(agencyCode)) errors.Add(new(AgencyField, "AgencyRequired"));
        if (agency == Need.Forbidden && !string.IsNullOrEmpty(agencyCode)) errors.Add(new(AgencyField, "AgencyNotAllowed"));
        return errors;
    }

    private enum Need { Required, Optional, Forbidden }

    private static Need DistrictRule(string role) => role switch
    {
        Roles.NationalAnalyst => Need.Forbidden,
        Roles.Administrator => Need.Optional,
        Roles.Chair or Roles.Secretary or Roles.AgencyMember or Roles.Registrar => Need.Required,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a role of the monitoring group."),
    };

    private static Need AgencyRule(string role) => role switch
    {
        Roles.AgencyMember => Need.Required,
        Roles.Registrar => Need.Optional,
        _ => Need.Forbidden,
    };
}
