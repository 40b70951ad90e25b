using MonitoringWorkflows.Web.Organisation;

namespace MonitoringWorkflows.Web.Tests.Organisation;

public sealed class MembershipTests
{
    [Theory]
    [InlineData(Roles.AgencyMember, 1, "Police", "")]
    [InlineData(Roles.AgencyMember, null, "Police", "DistrictRequired")]
    [InlineData(Roles.AgencyMember, 1, null, "AgencyRequired")]
    [InlineData(Roles.NationalAnalyst, null, null, "")]
    [InlineData(Roles.NationalAnalyst, 1, null, "DistrictNotAllowed")]
    [InlineData(Roles.Chair, 1, null, "")]
    [InlineData(Roles.Chair, 1, "Police", "AgencyNotAllowed")]
    [InlineData(Roles.Secretary, null, null, "DistrictRequired")]
    [InlineData(Roles.Registrar, 1, null, "")]
    [InlineData(Roles.Registrar, 1, "Health", "")]
    [InlineData(Roles.Administrator, null, null, "")]
    [InlineData(Roles.Administrator, 1, null, "")]
    [InlineData(Roles.Administrator, null, "Police", "AgencyNotAllowed")]
    public void Check_RoleDistrictAndAgency_GivesTheRuleBroken(string role, int? district, string? agency, string expected)
    {
        var errors = Membership.Check(role, district, agency);

        Assert.Equal(expected, string.Join(",", errors.Select(e => e.Code)));
    }

    [Fact]
    public void Check_UnknownRole_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Membership.Check("Janitor", null, null));
    }
}
