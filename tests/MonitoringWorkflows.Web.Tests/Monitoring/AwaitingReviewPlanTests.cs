using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Monitoring;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Tests.Access;
using MonitoringWorkflows.Web.Tests.CasePages;
using MonitoringWorkflows.Web.Tests.Support;
using Xunit.Abstractions;

namespace MonitoringWorkflows.Web.Tests.Monitoring;

/// <summary>The shared definition must keep each reader's index: the list walks the district's cases, the meetings one key range.</summary>
public sealed class AwaitingReviewPlanTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AwaitingFilter_ReadsTheDistrictsCasesInOrderFromTheIndex_AndSeeksTheirInstances()
    {
        await using var site = new CaseSite();
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var chair = AccessWorld.User("chair@demo.az", Roles.Chair, 1);
        var filter = new CaseListFilter(Status: CaseStates.Open, Review: "awaiting");

        var plan = await QueryPlan.OfAsync(db, scope.ServiceProvider.GetRequiredService<CaseList>().PageQuery(chair, filter, DateTimeOffset.UtcNow));
        output.WriteLine(plan);

        Assert.Contains("IX_Cases_DistrictId_Year_Sequence", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
        Assert.DoesNotContain("SCAN ProcessInstances", plan);
        Assert.DoesNotContain("SCAN i", plan);
    }

    [Fact]
    public async Task DistrictsWaitingReviews_AreOneRangeOfTheActiveInstancesBusinessKeys()
    {
        await using var site = new CaseSite();
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var district = (await DistrictScope.OfAsync(db, 1, default))!;

        var plan = await QueryPlan.OfAsync(db, db.Database.SqlQuery<WaitingInstance>(AwaitingReview.InScope(district)));
        output.WriteLine(plan);

        Assert.Contains("SEARCH i USING INDEX IX_ProcessInstances_Active_BusinessKey (BusinessKey>? AND BusinessKey<?)", plan);
        Assert.DoesNotContain("SCAN i", plan);
    }
}
