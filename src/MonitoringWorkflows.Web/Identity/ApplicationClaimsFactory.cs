using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Identity;

/// <summary>
/// Builds the principal at sign-in and at each security stamp check: Identity's claims and roles, plus the user's
/// district, agency and any step they still owe.
/// </summary>
internal sealed class ApplicationClaimsFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    WorkflowDbContext db,
    IOptions<DemoOptions> demo)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ApplicationClaims.DisplayName, user.DisplayName));
        if (user.DistrictId is int districtId)
        {
            var name = await db.Districts.Where(d => d.Id == districtId).Select(d => d.Name).SingleAsync();
            identity.AddClaim(new Claim(ApplicationClaims.DistrictId, districtId.ToString(CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(ApplicationClaims.DistrictName, name));
        }
        if (user.AgencyCode is { } code)
        {
            var name = await db.Agencies.Where(a => a.Code == code).Select(a => a.Name).SingleAsync();
            identity.AddClaim(new Claim(ApplicationClaims.AgencyCode, code));
            identity.AddClaim(new Claim(ApplicationClaims.AgencyName, name));
        }
        var roles = identity.FindAll(identity.RoleClaimType).Select(c => c.Value);
        if (AccountSteps.Pending(user, roles, demo.Value) is { } step)
            identity.AddClaim(new Claim(ApplicationClaims.PendingStep, step.ToString()));
        return identity;
    }
}
