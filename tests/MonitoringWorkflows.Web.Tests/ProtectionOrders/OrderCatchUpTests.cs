using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MonitoringWorkflows.Web.Notifications;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.ProtectionOrders;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Inbox.Support;
using MonitoringWorkflows.Web.Tests.Support;
using static MonitoringWorkflows.Web.Tests.ProtectionOrders.ProtectionOrderSiteTests;

namespace MonitoringWorkflows.Web.Tests.ProtectionOrders;

/// <summary>
/// An order step that completed without its order row (the host stopped, or the insert failed, after the step's commit)
/// gets its row from the catch-up, made from the data the step stored. Each catch-up here is a new one, as after a
/// start-up, on a clock past the grace the book has to record a step's order itself.
/// </summary>
public sealed class OrderCatchUpTests
{
    private static readonly DateTimeOffset Issued = DateTimeOffset.UtcNow.AddDays(-1);

    [Fact]
    public async Task CatchUp_AnOrderWhoseRowWasLost_IsRecordedAgainWithItsDatesAndHolder()
    {
        await using var site = new InboxSite();
        var (_, step) = await OrderStepAsync(site);
        using (var police = await site.SignedInAsync("police@demo.az"))
            Assert.Equal(HttpStatusCode.OK, (await police.PostAsync($"/api/tasks/{step.Id}/complete", Order(30, Issued))).StatusCode);
        ProtectionOrderRecord recorded;
        await using (var db = site.Database())
        {
            recorded = await db.Set<ProtectionOrderRecord>().AsNoTracking().SingleAsync();
            await db.Set<ProtectionOrderRecord>().ExecuteDeleteAsync();
        }

        var logs = new LogCapture();
        await CatchUp(site, new FakeTimeProvider(LaterThanGrace()), logs).SweepAsync(CancellationToken.None);

        await using var check = site.Database();
        var recovered = await check.Set<ProtectionOrderRecord>().SingleAsync();
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning") && l.Contains($"ShortTerm protection order {recovered.Id} of step {step.Id}"));
        Assert.Equal(
            (recorded.CaseId, recorded.DistrictId, recorded.ProcessInstanceId, step.Id, ProtectionOrderKind.ShortTerm, "Police", 30, "police@demo.az"),
            (recovered.CaseId, recovered.DistrictId, recovered.ProcessInstanceId, recovered.UserTaskId, recovered.Kind, recovered.Agency,
                recovered.Days, recovered.RecordedBy));
        Assert.Equal((recorded.IssuedOn, recorded.ExpiresAt), (recovered.IssuedOn, recovered.ExpiresAt));
        Assert.Equal(Issued.AddDays(30).ToUnixTimeSeconds(), recovered.ExpiresAt.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task CatchUp_RunTwiceAndAfterAnotherStart_RecordsTheStepsOrderOnce()
    {
        await using var site = new InboxSite();
        var step = await CompletedWithoutBookAsync(site, Order(20, Issued));
        var catchUp = CatchUp(site, LaterThanGrace());

        await catchUp.SweepAsync(CancellationToken.None);
        await catchUp.SweepAsync(CancellationToken.None);
        await CatchUp(site, LaterThanGrace()).SweepAsync(CancellationToken.None);

        await using var db = site.Database();
        var order = await db.Set<ProtectionOrderRecord>().SingleAsync();
        Assert.Equal((step.Id, 20), (order.UserTaskId, order.Days));
    }

    [Fact]
    public async Task CatchUp_ACourtsOrderWithoutItsRow_ReplacesTheCasesShortTermOrder()
    {
        await using var site = new InboxSite();
        var (number, step) = await OrderStepAsync(site);
        var orderData = Order(10, Issued);
        orderData["longTermOrderNeeded"] = true;
        using (var police = await site.SignedInAsync("police@demo.az"))
            Assert.Equal(HttpStatusCode.OK, (await police.PostAsync($"/api/tasks/{step.Id}/complete", orderData)).StatusCode);
        var court = await site.OpenStepAsync(number, "Task_CourtOrder", "Prosecutor");
        var granted = new JsonObject
        {
            ["applicationFiledAt"] = "2026-01-05", ["courtDecision"] = "granted", ["courtOrderDays"] = 120,
            ["courtDecisionAt"] = Issued.ToOffset(TimeSpan.FromHours(4)).ToString("yyyy-MM-dd"),
        };
        await CompleteThroughRunnerAsync(site, court.Id, granted, "prosecutor@demo.az");

        await CatchUp(site, LaterThanGrace()).SweepAsync(CancellationToken.None);

        await using var db = site.Database();
        var orders = await db.Set<ProtectionOrderRecord>().OrderBy(o => o.Id).ToListAsync();
        Assert.Equal([ProtectionOrderKind.ShortTerm, ProtectionOrderKind.LongTerm], orders.Select(o => o.Kind));
        var (shortTerm, longTerm) = (orders[0], orders[1]);
        Assert.Equal((court.Id, "Prosecutor", 120, "prosecutor@demo.az"), (longTerm.UserTaskId, longTerm.Agency, longTerm.Days, longTerm.RecordedBy));
        Assert.Equal(longTerm.Id, shortTerm.ReplacedByOrderId);
    }

    [Fact]
    public async Task CatchUp_LeavesAJustCompletedStepToTheBook_AndRecordsItAtTheFirstPassAfterTheGrace()
    {
        await using var site = new InboxSite();
        await CompletedWithoutBookAsync(site, Order(15, Issued));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var catchUp = CatchUp(site, clock);

        await catchUp.SweepAsync(CancellationToken.None);
        int before;
        await using (var db = site.Database()) before = await db.Set<ProtectionOrderRecord>().CountAsync();
        clock.Advance(OrderCatchUp.Grace + TimeSpan.FromSeconds(30));
        await catchUp.SweepAsync(CancellationToken.None);

        Assert.Equal(0, before);
        await using var check = site.Database();
        Assert.Equal(15, (await check.Set<ProtectionOrderRecord>().SingleAsync()).Days);
    }

    [Fact]
    public async Task CatchUp_WhoseRecordingFails_LogsIt_AndRecordsTheOrderAtTheNextPass()
    {
        await using var site = new InboxSite();
        var step = await CompletedWithoutBookAsync(site, Order(12, Issued));
        var logs = new LogCapture();
        var catchUp = CatchUp(site, new FakeTimeProvider(LaterThanGrace()), logs);
        await using (var db = site.Database())
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER "RefuseOrders" BEFORE INSERT ON "ProtectionOrders" BEGIN SELECT RAISE(ABORT, 'the disk is full'); END
                """);

        await catchUp.SweepAsync(CancellationToken.None);
        await using (var db = site.Database())
        {
            Assert.False(await db.Set<ProtectionOrderRecord>().AnyAsync());
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "RefuseOrders" """);
        }
        await catchUp.SweepAsync(CancellationToken.None);

        Assert.Contains(logs.Lines, l => l.StartsWith("Error") && l.Contains("trying again at the next pass"));
        await using var check = site.Database();
        Assert.Equal(step.Id, (await check.Set<ProtectionOrderRecord>().SingleAsync()).UserTaskId);
    }

    [Fact]
    public async Task CatchUp_StepsThatRecordNoOrder_AreReadButGetNoRow_AndTheStepsAfterThemDo()
    {
        await using var site = new InboxSite();
        var none = Order(5, Issued);
        none["orderType"] = "none";
        await CompletedWithoutBookAsync(site, none);
        var withOrder = await CompletedWithoutBookAsync(site, Order(25, Issued));

        await CatchUp(site, LaterThanGrace()).SweepAsync(CancellationToken.None);

        await using var db = site.Database();
        Assert.Equal(withOrder.Id, (await db.Set<ProtectionOrderRecord>().SingleAsync()).UserTaskId);
    }

    [Fact]
    public async Task CatchUp_MoreStepsThanABatch_CompletedAtTheSameMoment_AreAllRecorded()
    {
        await using var site = new InboxSite();
        var number = await site.RecordCaseAsync();
        var count = OrderCatchUp.BatchSize * 2 + 50;
        await using (var db = site.Database())
        {
            var instanceId = (await db.Cases.SingleAsync(c => c.Number == number)).ProcessInstanceId!.Value;
            var completedAt = DateTimeOffset.UtcNow.AddHours(-2);
            db.UserTasks.AddRange(Enumerable.Range(1, count).Select(i => new UserTaskRecord
            {
                InstanceId = instanceId, TaskId = 1000 + i, ElementId = "Task_ProtectionOrder", FormKey = ProtectionOrderOptions.DefaultShortTermFormKey,
                Agency = "Police", Status = UserTaskStatus.Completed, CreatedAt = completedAt, CompletedAt = completedAt, CompletedBy = "police@demo.az",
                OutputJson = Order(1 + i % 60, Issued).ToJsonString(),
            }));
            await db.SaveChangesAsync();
        }

        await CatchUp(site, LaterThanGrace()).SweepAsync(CancellationToken.None);

        await using var check = site.Database();
        Assert.Equal(count, await check.Set<ProtectionOrderRecord>().CountAsync(o => o.CaseId == check.Cases.Single(c => c.Number == number).Id));
    }

    [Fact]
    public async Task NotificationWorker_RunsTheCatchUpBeforeTheExpirySweep()
    {
        await using var site = new InboxSite();

        var sweeps = site.Services.GetServices<INotificationSweep>().Select(s => s.GetType()).ToList();

        Assert.Contains(typeof(OrderCatchUp), sweeps);
        Assert.True(sweeps.IndexOf(typeof(OrderCatchUp)) < sweeps.IndexOf(typeof(OrderExpirySweep)));
    }

    [Fact]
    public async Task CatchUpQueries_ReadTheCompletedOrderStepIndex_AndScanNoTable()
    {
        await using var host = await RunnerHost.StartAsync();
        await using var db = host.Db();
        string[] keys = [ProtectionOrderOptions.DefaultShortTermFormKey, ProtectionOrderOptions.DefaultLongTermFormKey];
        var cursor = new CompletedStepCursor(host.Time.GetUtcNow().AddHours(-1), 42);

        var after = await QueryPlan.OfAsync(db, CompletedOrderSteps.After(db, keys, cursor, host.Time.GetUtcNow()).Take(200));
        var atCursor = await QueryPlan.OfAsync(db, CompletedOrderSteps.AtCursor(db, keys, cursor).Take(200));

        Assert.All(new[] { after, atCursor }, plan =>
        {
            Assert.Contains($"USING INDEX {CompletedOrderSteps.IndexName} (CompletedAt", plan);
            Assert.Contains("IX_ProtectionOrders_UserTaskId (UserTaskId=?)", plan);
            Assert.DoesNotContain("SCAN", plan);
            Assert.DoesNotContain("TEMP B-TREE", plan);
        });
    }

    private static DateTimeOffset LaterThanGrace() => DateTimeOffset.UtcNow + OrderCatchUp.Grace + TimeSpan.FromMinutes(1);

    /// <summary>A new catch-up, as after a start-up, on its own clock (the host's worker keeps its own).</summary>
    private static OrderCatchUp CatchUp(InboxSite site, DateTimeOffset now) => CatchUp(site, new FakeTimeProvider(now));

    private static OrderCatchUp CatchUp(InboxSite site, TimeProvider clock, LogCapture? logs = null) =>
        ActivatorUtilities.CreateInstance<OrderCatchUp>(site.Services, clock,
            LoggerFactory.Create(l => l.AddProvider(logs ?? new LogCapture())).CreateLogger<OrderCatchUp>());

    /// <summary>A police order step completed by the runner alone: the step commits, the book never runs (the host stopped).</summary>
    private static async Task<UserTaskRecord> CompletedWithoutBookAsync(InboxSite site, JsonObject data)
    {
        var (_, step) = await OrderStepAsync(site);
        await CompleteThroughRunnerAsync(site, step.Id, data, "police@demo.az");
        await using var db = site.Database();
        Assert.False(await db.Set<ProtectionOrderRecord>().AnyAsync(o => o.UserTaskId == step.Id));
        return step;
    }

    private static async Task CompleteThroughRunnerAsync(InboxSite site, long stepId, JsonObject data, string actor)
    {
        var result = await site.Services.GetRequiredService<WorkflowRunner>().CompleteTaskAsync(stepId, data, actor, CancellationToken.None);
        Assert.True(result.IsOk, result.Message);
    }
}
