using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Notifications;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Support;

namespace MonitoringWorkflows.Web.Tests.Notifications;

public sealed class DeadlineSweepTests
{
    private static readonly string DueIn30Hours = Bpmn.Sequence("DueProcess",
        """<bpmn:userTask id="Investigate" name="Investigate" mw:agency="Police" mw:dueIn="PT30H" />""");

    private static async Task<(NotificationSite Site, long StepId)> StepDueIn30HoursAsync()
    {
        var site = new NotificationSite();
        await site.PublishAsync("DueProcess", DueIn30Hours);
        var (_, instanceId) = await site.StartCaseAsync("DueProcess");
        await site.Delivery.DeliverAsync(CancellationToken.None); // the assignment, and the deadline enters the sweep
        await using var db = site.Db();
        return (site, (await db.UserTasks.SingleAsync(t => t.InstanceId == instanceId)).Id);
    }

    private static async Task<List<(string Email, NotificationKind Kind)>> DeadlineNoticesAsync(NotificationSite site) =>
        (await site.ToldAsync()).Where(t => t.Kind != NotificationKind.Assignment).Select(t => (t.Email, t.Kind)).ToList();

    [Fact]
    public async Task Sweep_StepDueWithinTheReminderWindow_RemindsItsHoldersOnce()
    {
        var (site, stepId) = await StepDueIn30HoursAsync();
        await using var _ = site;

        site.Time.Advance(TimeSpan.FromHours(5)); // due in 25 h: not yet
        Assert.Equal(0, await site.Sweep.SweepAsync(CancellationToken.None));
        site.Time.Advance(TimeSpan.FromHours(2)); // due in 23 h
        var first = await site.Sweep.SweepAsync(CancellationToken.None);
        site.Time.Advance(TimeSpan.FromHours(1));
        var second = await site.Sweep.SweepAsync(CancellationToken.None);

        Assert.Equal((1, 0), (first, second));
        Assert.Equal([("police@demo.az", NotificationKind.Reminder)], await DeadlineNoticesAsync(site));
        var reminder = (await site.ToldAsync()).Single(t => t.Kind == NotificationKind.Reminder);
        Assert.Equal($"/inbox/{stepId}", reminder.Link);
    }

    [Fact]
    public async Task Sweep_StepPastDue_TellsHoldersOverdueAndEscalatesToTheChairOnce()
    {
        var (site, _) = await StepDueIn30HoursAsync();
        await using var _ = site;
        await site.AddOtherDistrictAsync();

        site.Time.Advance(TimeSpan.FromHours(7));
        await site.Sweep.SweepAsync(CancellationToken.None); // the reminder
        site.Time.Advance(TimeSpan.FromHours(24)); // one hour past due
        var overdue = await site.Sweep.SweepAsync(CancellationToken.None);
        site.Time.Advance(TimeSpan.FromHours(24));
        var later = await site.Sweep.SweepAsync(CancellationToken.None);

        Assert.Equal((2, 0), (overdue, later));
        Assert.Equal(
            [("police@demo.az", NotificationKind.Reminder), ("police@demo.az", NotificationKind.Overdue), ("chair@demo.az", NotificationKind.Escalation)],
            await DeadlineNoticesAsync(site));
    }

    [Fact]
    public async Task Sweep_FirstRunAfterTheDueDate_SendsOverdueWithoutALateReminder()
    {
        var (site, _) = await StepDueIn30HoursAsync();
        await using var _ = site;

        site.Time.Advance(TimeSpan.FromHours(31));
        await site.Sweep.SweepAsync(CancellationToken.None);

        Assert.Equal([("police@demo.az", NotificationKind.Overdue), ("chair@demo.az", NotificationKind.Escalation)],
            await DeadlineNoticesAsync(site));
        await using var db = site.Db();
        var deadline = await db.Set<StepDeadlineRecord>().SingleAsync();
        Assert.Equal((DeadlineStage.Finished, null, site.Time.GetUtcNow()), (deadline.Stage, deadline.RemindedAt, deadline.OverdueAt));
    }

    [Fact]
    public async Task Sweep_StepCompletedBeforeItsDeadline_SaysNothing()
    {
        var (site, stepId) = await StepDueIn30HoursAsync();
        await using var _ = site;
        var completed = await site.Services.GetRequiredService<WorkflowRunner>()
            .CompleteTaskAsync(stepId, null, "police@demo.az", CancellationToken.None);
        Assert.True(completed.IsOk, completed.Message);

        site.Time.Advance(TimeSpan.FromHours(40));
        var written = await site.Sweep.SweepAsync(CancellationToken.None);

        Assert.Equal(0, written);
        Assert.Empty(await DeadlineNoticesAsync(site));
        await using var db = site.Db();
        Assert.Equal(DeadlineStage.Finished, (await db.Set<StepDeadlineRecord>().SingleAsync()).Stage);
    }

    [Fact]
    public async Task Sweep_ReminderWindowFromSettings_RemindsThatLongBefore()
    {
        await using var site = new NotificationSite(new() { ["Notifications:ReminderBefore"] = "02:00:00" });
        await site.PublishAsync("DueProcess", DueIn30Hours);
        await site.StartCaseAsync("DueProcess");
        await site.Delivery.DeliverAsync(CancellationToken.None);

        site.Time.Advance(TimeSpan.FromHours(27)); // due in 3 h
        var early = await site.Sweep.SweepAsync(CancellationToken.None);
        site.Time.Advance(TimeSpan.FromHours(2)); // due in 1 h
        var inWindow = await site.Sweep.SweepAsync(CancellationToken.None);

        Assert.Equal((0, 1), (early, inWindow));
    }

    [Fact]
    public async Task SweepQuery_ReadsTheStageAndDueDateIndex()
    {
        var (site, _) = await StepDueIn30HoursAsync();
        await using var _ = site;
        await using var db = site.Db();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var where in new[] { "\"Stage\" = 0 AND \"DueAt\" > 1 AND \"DueAt\" <= 2", "\"Stage\" IN (0, 1) AND \"DueAt\" <= 2" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"EXPLAIN QUERY PLAN SELECT * FROM \"StepDeadlines\" WHERE {where} ORDER BY \"DueAt\" LIMIT 200";
            await using var reader = await command.ExecuteReaderAsync();
            var plan = new List<string>();
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
            Assert.Contains(plan, line => line.Contains("USING INDEX IX_StepDeadlines_Stage_DueAt (Stage=? AND DueAt"));
        }
    }
}
