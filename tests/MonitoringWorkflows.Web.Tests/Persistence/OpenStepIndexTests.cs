using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Tests.Support;

namespace MonitoringWorkflows.Web.Tests.Persistence;

/// <summary>The inbox's queries written the natural way in LINQ do use the partial indexes on open steps.</summary>
public sealed class OpenStepIndexTests
{
    [Fact]
    public async Task AgencyInbox_OpenStepsOfADistrictByDueDate_UsesTheOpenAgencyIndex()
    {
        await using var host = await RunnerHost.StartAsync();
        await using var db = host.Db();
        var (agency, district) = ("Police", 1);

        var plan = await QueryPlan.OfAsync(db, db.UserTasks
            .Where(t => t.Agency == agency && t.DistrictId == district && t.Status == UserTaskStatus.Open).OrderBy(t => t.DueAt));

        Assert.Contains("IX_UserTasks_Open_Agency_District_DueAt (Agency=? AND DistrictId=?)", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Fact]
    public async Task RoleInbox_OpenStepsOfADistrictByDueDate_UsesTheOpenRoleIndex()
    {
        await using var host = await RunnerHost.StartAsync();
        await using var db = host.Db();
        var (role, district) = ("Chair", 1);

        var plan = await QueryPlan.OfAsync(db, db.UserTasks
            .Where(t => t.Role == role && t.DistrictId == district && t.Status == UserTaskStatus.Open).OrderBy(t => t.DueAt));

        Assert.Contains("IX_UserTasks_Open_Role_District_DueAt (Role=? AND DistrictId=?)", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Fact]
    public async Task OverdueSteps_AcrossAgencies_UseTheOpenDueIndex()
    {
        await using var host = await RunnerHost.StartAsync();
        await using var db = host.Db();
        var now = host.Time.GetUtcNow();

        var plan = await QueryPlan.OfAsync(db, db.UserTasks.Where(t => t.Status == UserTaskStatus.Open && t.DueAt < now).OrderBy(t => t.DueAt));

        Assert.Contains("IX_UserTasks_Open_DueAt", plan);
    }

    [Fact]
    public async Task CalledProcesses_OfOneParent_UseThePartialParentIndex()
    {
        await using var host = await RunnerHost.StartAsync();
        await using var db = host.Db();
        long parent = 7;

        var plan = await QueryPlan.OfAsync(db, db.ProcessInstances.Where(i => i.ParentInstanceId == parent && i.ParentTokenId == 3));

        Assert.Contains("IX_ProcessInstances_ParentInstanceId_ParentTokenId", plan);
    }

}
