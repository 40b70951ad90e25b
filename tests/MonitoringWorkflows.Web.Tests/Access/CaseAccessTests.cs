using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Access;
using MonitoringWorkflows.Web.Organisation;
using static MonitoringWorkflows.Web.Tests.Access.AccessWorld;

namespace MonitoringWorkflows.Web.Tests.Access;

public sealed class CaseAccessTests
{
    [Fact]
    public async Task VisibleTo_Chair_SeesEveryCaseOfTheirDistrictAndNoneElsewhere()
    {
        await using var world = await CreateAsync();
        await world.CaseAsync("HOME-1", world.Home, agencies: "Police");
        await world.CaseAsync("HOME-2", world.Home);
        await world.CaseAsync("AWAY-1", world.Elsewhere, agencies: "Police");
        await using var db = world.Db();

        var seen = await new CaseAccess(db).VisibleTo(User("chair", Roles.Chair, world.Home)).ToListAsync();

        Assert.Equal(["HOME-1", "HOME-2"], Numbers(seen));
    }

    [Fact]
    public async Task VisibleTo_AgencyMember_SeesOnlyCasesWhereTheirAgencyHoldsOrHeldAStep()
    {
        await using var world = await CreateAsync();
        await world.CaseAsync("HOME-HELD", world.Home, agencies: ["Police", "Health"]);
        await world.CaseAsync("HOME-HOLDS", world.Home, agencies: ["Health", "Police"]);
        await world.CaseAsync("HOME-OTHER", world.Home, agencies: "Health");
        await world.CaseAsync("AWAY-POLICE", world.Elsewhere, agencies: "Police");
        await using var db = world.Db();

        var seen = await new CaseAccess(db).VisibleTo(User("police", Roles.AgencyMember, world.Home, "Police")).ToListAsync();

        Assert.Equal(["HOME-HELD", "HOME-HOLDS"], Numbers(seen));
    }

    [Fact]
    public async Task VisibleTo_Registrar_SeesTheCasesTheyRecordedOnly()
    {
        await using var world = await CreateAsync();
        await world.CaseAsync("HOME-MINE", world.Home, recordedBy: "registrar@home");
        await world.CaseAsync("HOME-THEIRS", world.Home, recordedBy: "other@home");
        await using var db = world.Db();

        var seen = await new CaseAccess(db).VisibleTo(User("registrar@home", Roles.Registrar, world.Home)).ToListAsync();

        Assert.Equal(["HOME-MINE"], Numbers(seen));
    }

    [Theory]
    [InlineData(Roles.NationalAnalyst, false)]
    [InlineData(Roles.Administrator, false)]
    [InlineData(Roles.Administrator, true)]
    public async Task VisibleTo_NationalUsersAndAdministrators_SeeNoCase(string role, bool inDistrict)
    {
        await using var world = await CreateAsync();
        await world.CaseAsync("HOME-1", world.Home, recordedBy: "someone", agencies: "Police");
        await using var db = world.Db();

        var seen = await new CaseAccess(db).VisibleTo(User("someone", role, inDistrict ? world.Home : null)).ToListAsync();

        Assert.Empty(seen);
    }

    [Fact]
    public async Task FindAsync_CaseOfAnotherDistrict_AnswersAsIfItDidNotExist()
    {
        await using var world = await CreateAsync();
        await world.CaseAsync("AWAY-1", world.Elsewhere, agencies: "Police");
        await using var db = world.Db();
        var access = new CaseAccess(db);
        var chair = User("chair", Roles.Chair, world.Home);

        var otherDistrict = await access.FindAsync(chair, "AWAY-1", CancellationToken.None);
        var nonexistent = await access.FindAsync(chair, "NO-SUCH-CASE", CancellationToken.None);

        Assert.Null(otherDistrict);
        Assert.Equal(nonexistent, otherDistrict);
    }

    [Fact]
    public async Task FindAsync_GivesEachKindOfViewerTheirSight()
    {
        await using var world = await CreateAsync();
        await world.CaseAsync("HOME-1", world.Home, recordedBy: "registrar@home", agencies: "Police");
        await using var db = world.Db();
        var access = new CaseAccess(db);

        async Task<CaseSight?> SightOf(System.Security.Claims.ClaimsPrincipal user) =>
            (await access.FindAsync(user, "HOME-1", CancellationToken.None))?.Sight;

        Assert.Equal(CaseSight.Whole, await SightOf(User("secretary", Roles.Secretary, world.Home)));
        Assert.Equal(CaseSight.Agency, await SightOf(User("police", Roles.AgencyMember, world.Home, "Police")));
        Assert.Equal(CaseSight.Recorded, await SightOf(User("registrar@home", Roles.Registrar, world.Home)));
        Assert.Null(await SightOf(User("health", Roles.AgencyMember, world.Home, "Health")));
    }
}
