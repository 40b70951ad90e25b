using MonitoringWorkflows.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Tests.Access;
using Xunit.Abstractions;

namespace MonitoringWorkflows.Web.Tests.CasePages;

/// <summary>
/// The case list must stay fast with a million instances: each filter's query is read by SQLite's planner, and none
/// may scan a whole table or sort the district's cases in a temporary tree.
/// </summary>
public sealed class CaseListPlanTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(null, null, false, null, false)]
    [InlineData("open", null, false, null, false)]
    [InlineData("closed", null, false, null, false)]
    [InlineData(null, "grave", false, null, false)]
    [InlineData(null, null, true, null, false)]
    [InlineData(null, null, true, null, true)]
    [InlineData("open", "high", true, null, false)]
    [InlineData(null, null, false, "42", false)]
    [InlineData(null, null, false, "2026-42", false)]
    public async Task ChairList_ReadsTheDistrictsCasesInOrderFromTheIndex(string? status, string? risk, bool overdue, string? number, bool fewLate)
    {
        await using var site = new CaseSite();
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var list = scope.ServiceProvider.GetRequiredService<CaseList>();
        var chair = AccessWorld.User("chair@demo.az", Roles.Chair, 1);

        var plan = await QueryPlan.OfAsync(db, list.PageQuery(chair, new CaseListFilter(status, risk, overdue, number), DateTimeOffset.UtcNow, fewLate));
        output.WriteLine(plan);

        Assert.Contains("IX_Cases_DistrictId_Year_Sequence", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
        Assert.DoesNotContain("SCAN ProcessInstances", plan);
        Assert.DoesNotContain("SCAN UserTasks", plan);
    }

    [Fact]
    public async Task NumberPrefix_SeeksTheNumberIndex()
    {
        await using var site = new CaseSite();
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var list = scope.ServiceProvider.GetRequiredService<CaseList>();
        var chair = AccessWorld.User("chair@demo.az", Roles.Chair, 1);

        var plan = await QueryPlan.OfAsync(db, list.PageQuery(chair, new CaseListFilter(Number: "DEMO-2026-00"), DateTimeOffset.UtcNow));
        output.WriteLine(plan);

        Assert.Matches("SEARCH c USING INDEX IX_Cases_(Number|DistrictId_Year_Sequence) \\((Number>\\? AND Number<\\?|DistrictId=\\?)", plan);
    }

}
