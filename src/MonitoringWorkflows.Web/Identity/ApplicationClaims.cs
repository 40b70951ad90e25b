using System.Globalization;
using System.Security.Claims;

namespace MonitoringWorkflows.Web.Identity;

/// <summary>
/// What the principal carries beyond Identity's own claims (id, name, roles, security stamp), so that authorization
/// by district and agency needs no database read per request.
/// </summary>
public static class ApplicationClaims
{
    public const string DistrictId = "mw:district";
    public const string DistrictName = "mw:district_name";
    public const string AgencyCode = "mw:agency";
    public const string AgencyName = "mw:agency_name";
    public const string DisplayName = "mw:display_name";

    /// <summary>A step the user must take before anything else (<see cref="AccountStep"/>); absent when there is none.</summary>
    public const string PendingStep = "mw:pending_step";

    public static int? DistrictIdOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DistrictId) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;

    public static string? AgencyCodeOf(this ClaimsPrincipal user) => user.FindFirstValue(AgencyCode);

    public static AccountStep? PendingStepOf(this ClaimsPrincipal user) =>
        Enum.TryParse<AccountStep>(user.FindFirstValue(PendingStep), out var step) ? step : null;
}
