using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Tests.Access;
using MonitoringWorkflows.Web.Tests.CasePages;
using MonitoringWorkflows.Web.Tests.Support;
using Xunit.Abstractions;

namespace MonitoringWorkflows.Web.Tests.Referrals;

/// <summary>
/// The cases waiting for their process are few among a million: the "not started" list and the incidents page read
/// them from the partial index, never by walking every case.
/// </summary>
public sealed class AwaitingPlanTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ChairList_NotStarted_ReadsThePartialIndex()
    {
        await using var site = new CaseSite();
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var list = scope.ServiceProvider.GetRequiredService<CaseList>();
        var chair = AccessWorld.User("chair@demo.az", Roles.Chair, 1);

        var plan = await QueryPlan.OfAsync(db, list.PageQuery(chair, new CaseListFilter(CaseStates.NotStarted), DateTimeOffset.UtcNow));
        output.WriteLine(plan);

        Assert.Contains(AwaitingStart.Index, plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Chair)]
    public async Task IncidentsPage_NotStarted_ReadsThePartialIndex(string role)
    {
        await using var site = new CaseSite();
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var awaiting = scope.ServiceProvider.GetRequiredService<AwaitingReferrals>();
        var user = AccessWorld.User("someone@demo.az", role, 1);

        var plan = await QueryPlan.OfAsync(db, awaiting.Query(user));
        output.WriteLine(plan);

        Assert.Contains(AwaitingStart.Index, plan);
        // A scan of the cases is allowed only through the partial index (the administrator's list has no district to seek).
        Assert.DoesNotContain("SCAN c", plan.Split(" | "));
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }
}
