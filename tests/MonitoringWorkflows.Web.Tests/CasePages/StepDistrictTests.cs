using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Tests.CasePages;

/// <summary>A step carries its case's district, so the inbox reads a district's steps from an index.</summary>
public sealed class StepDistrictTests
{
    [Fact]
    public async Task AStepOpenedForACase_CarriesTheCasesDistrict()
    {
        await using var site = new CaseSite();
        var number = await site.RecordAsync();

        var step = await site.OpenStepAsync(number, "Task_RiskScreening");

        await using var db = site.Database();
        Assert.Equal(await db.Cases.Where(c => c.Number == number).Select(c => c.DistrictId).SingleAsync(), step.DistrictId);
    }

    [Fact]
    public async Task TheBackfill_GivesStepsWithoutADistrictTheirCasesOne()
    {
        await using var site = new CaseSite();
        var number = await site.RecordAsync();
        var step = await site.OpenStepAsync(number, "Task_RiskScreening");
        await using var db = site.Database();
        await db.Database.ExecuteSqlRawAsync("""UPDATE "UserTasks" SET "DistrictId" = NULL""");

        await db.Database.ExecuteSqlRawAsync(UserTaskDistrict.Backfill);

        Assert.Equal(step.DistrictId, await db.UserTasks.Where(t => t.Id == step.Id).Select(t => t.DistrictId).SingleAsync());
        Assert.NotNull(step.DistrictId);
    }
}
