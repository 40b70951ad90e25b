using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Tests.Identity.Support;

namespace MonitoringWorkflows.Web.Tests.Identity;

public sealed class ClaimsTests
{
    [Fact]
    public async Task Principal_AgencyMember_CarriesDistrictAgencyAndRole()
    {
        await using var site = new SiteHost();
        var user = await site.FindUserAsync("police@demo.az");

        var principal = await PrincipalAsync(site, user);

        Assert.Equal(user.DistrictId, principal.DistrictIdOf());
        Assert.Equal(AgencyCodes.Police, principal.AgencyCodeOf());
        Assert.Equal("Demo rayonu", principal.FindFirstValue(ApplicationClaims.DistrictName));
        Assert.True(principal.IsInRole(Roles.AgencyMember));
        Assert.Null(principal.PendingStepOf());
    }

    [Fact]
    public async Task Principal_NationalAnalyst_CarriesNoDistrictAndNoAgency()
    {
        await using var site = new SiteHost();

        var principal = await PrincipalAsync(site, await site.FindUserAsync("analyst@demo.az"));

        Assert.Null(principal.DistrictIdOf());
        Assert.Null(principal.AgencyCodeOf());
        Assert.True(principal.IsInRole(Roles.NationalAnalyst));
    }

    [Fact]
    public async Task Principal_ChairOutsideDemo_CarriesThePendingTwoFactorStep()
    {
        await using var site = new SiteHost();
        var user = await site.CreateUserAsync("chair3@example.az", Roles.Chair);

        var principal = await PrincipalAsync(site, user);

        Assert.Equal(AccountStep.SetUpTwoFactor, principal.PendingStepOf());
    }

    private static async Task<ClaimsPrincipal> PrincipalAsync(SiteHost site, ApplicationUser user)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await factory.CreateAsync(user);
    }
}
