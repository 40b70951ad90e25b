using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Access;
using MonitoringWorkflows.Web.Organisation;
using static MonitoringWorkflows.Web.Tests.Access.AccessWorld;

namespace MonitoringWorkflows.Web.Tests.Access;

public sealed class CaseViewAuditTests
{
    [Fact]
    public async Task RecordAsync_WritesWhoWhenWhichCaseAndWhere_BeforeItReturns()
    {
        await using var world = await CreateAsync();
        var viewed = await world.CaseAsync("HOME-1", world.Home);
        var audit = world.Audit(out var journal);
        await using (journal)
        {
            await audit.RecordAsync(User("chair@home", Roles.Chair, world.Home), viewed, CaseViewChannels.CasePage, CancellationToken.None);

            await using var check = world.Db();
            var row = await check.CaseViews.SingleAsync();
            Assert.Equal(("id-chair@home", "chair@home", viewed.Id, "HOME-1", world.Home, "case page"),
                (row.UserId, row.UserName, row.CaseId, row.CaseNumber, row.DistrictId, row.Via));
            Assert.True(DateTimeOffset.UtcNow - row.At < TimeSpan.FromMinutes(1));
        }
    }

    [Fact]
    public async Task RecordAsync_ManyViewersAtOnce_EveryViewIsStored()
    {
        await using var world = await CreateAsync();
        var viewed = await world.CaseAsync("HOME-1", world.Home);
        var audit = world.Audit(out var journal);
        await using (journal)
        {
            await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
                audit.RecordAsync(User($"viewer{i}", Roles.Chair, world.Home), viewed, CaseViewChannels.Api, CancellationToken.None)));

            await using var check = world.Db();
            Assert.Equal(64, await check.CaseViews.Select(v => v.UserName).Distinct().CountAsync());
        }
    }

    [Fact]
    public async Task RecordAsync_WhenTheViewCannotBeStored_Fails_SoTheCaseIsNotShown()
    {
        await using var world = await CreateAsync();
        var viewed = await world.CaseAsync("HOME-1", world.Home);
        await using (var db = world.Db())
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER "Test_DiskFull" BEFORE INSERT ON "CaseViews" BEGIN SELECT RAISE(ABORT, 'disk full'); END;
                """);
        var audit = world.Audit(out var journal);
        await using (journal)
        {
            var failure = await Assert.ThrowsAsync<SqliteException>(() =>
                audit.RecordAsync(User("chair@home", Roles.Chair, world.Home), viewed, CaseViewChannels.CasePage, CancellationToken.None));

            Assert.Contains("disk full", failure.Message);
        }
    }

    [Theory]
    [InlineData("UPDATE \"CaseViews\" SET \"UserName\" = 'someone else'")]
    [InlineData("DELETE FROM \"CaseViews\"")]
    public async Task TheAuditTrail_RefusesChangesAndDeletions(string tampering)
    {
        await using var world = await CreateAsync();
        var viewed = await world.CaseAsync("HOME-1", world.Home);
        var audit = world.Audit(out var journal);
        await using (journal)
            await audit.RecordAsync(User("chair@home", Roles.Chair, world.Home), viewed, CaseViewChannels.Api, CancellationToken.None);
        await using var db = world.Db();

        var refused = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(tampering));

        Assert.Contains("append-only", refused.Message);
        Assert.Equal("chair@home", (await db.CaseViews.AsNoTracking().SingleAsync()).UserName);
    }
}
