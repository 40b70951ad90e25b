using MonitoringWorkflows.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Inbox;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Tests.Inbox.Support;

namespace MonitoringWorkflows.Web.Tests.Inbox;

/// <summary>Each inbox list is read in the order of an index, never sorted whole: a page costs about fifty index rows.</summary>
public sealed class InboxQueryPlanTests
{
    [Theory]
    [InlineData("Police", null, InboxFilter.Open, "IX_UserTasks_Open_Agency_District_DueAt")]
    [InlineData("Police", null, InboxFilter.Unclaimed, "IX_UserTasks_Open_Agency_District_DueAt")]
    [InlineData("Police", null, InboxFilter.Overdue, "IX_UserTasks_Open_Agency_District_DueAt")]
    [InlineData("Police", null, InboxFilter.Mine, "IX_UserTasks_Open_ClaimedBy_Agency_District_DueAt")]
    [InlineData("Police", null, InboxFilter.Done, "IX_UserTasks_Completed_Agency_District_CompletedAt")]
    [InlineData(null, "Chair", InboxFilter.Open, "IX_UserTasks_Open_Role_District_DueAt")]
    [InlineData(null, "Chair", InboxFilter.Done, "IX_UserTasks_Completed_Role_District_CompletedAt")]
    public async Task List_ReadsItsIndexInOrder_WithoutSorting(string? agency, string? role, InboxFilter filter, string index)
    {
        await using var site = new InboxSite();
        await using var scope = site.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<InboxQueries>();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var holder = new InboxHolder("user-id", "user@demo.az", 1, agency, role);

        var plan = await QueryPlan.OfAsync(db, queries.Ordered(holder, filter, DateTimeOffset.UtcNow).Take(51));

        Assert.Contains(index, plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

}
