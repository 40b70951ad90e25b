using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Scheduling;
using MonitoringWorkflows.Web.Tests.Scheduling.Support;
using MonitoringWorkflows.Web.Tests.Support;
using static MonitoringWorkflows.Web.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Web.Tests.Scheduling;

/// <summary>
/// Due timers fired many to a transaction (<see cref="DueTimerQueue"/>, <see cref="WorkflowRunner.FireTimersAsync"/>), on
/// the real clock's host. The timers wait an hour, so only what a test hands over fires.
/// </summary>
public sealed class BatchFiringTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly string Wait = Sequence("wait",
        """<bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""",
        """<bpmn:userTask id="Review" name="Review" mw:agency="Police" />""");

    /// <summary>A step with an hour's deadline on it: the step or the timer, whichever comes first.</summary>
    private static readonly string Deadline = Process("deadline", """
        <bpmn:startEvent id="Start" />
        <bpmn:userTask id="Review" name="Review" mw:agency="Police" />
        <bpmn:boundaryEvent id="Late" attachedToRef="Review"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:endEvent id="Done" />
        <bpmn:endEvent id="Escalated" />
        """ + Flow("F1", "Start", "Review") + Flow("F2", "Review", "Done") + Flow("F3", "Late", "Escalated"));

    /// <summary>A step and a wait side by side: completing the step moves the instance while its timer stays pending.</summary>
    private static readonly string Parallel = Process("parallel", """
        <bpmn:startEvent id="Start" />
        <bpmn:parallelGateway id="Split" />
        <bpmn:userTask id="Review" name="Review" mw:agency="Police" />
        <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:parallelGateway id="Join" />
        <bpmn:endEvent id="Done" />
        """ + Flow("F1", "Start", "Split") + Flow("F2", "Split", "Review") + Flow("F3", "Split", "Wait")
        + Flow("F4", "Review", "Join") + Flow("F5", "Wait", "Join") + Flow("F6", "Join", "Done"));

    [Fact]
    public async Task ManyTimersOfManyInstances_FireInOneTransaction_EachOnce()
    {
        using var folder = new TestDataFolder();
        await using var host = await ClockHost.StartAsync(folder);
        await host.PublishAsync("wait", Wait);
        var instances = new List<long>();
        for (var i = 0; i < 30; i++) instances.Add(await host.StartInstanceAsync("wait", $"CASE-{i}"));
        var timers = (await host.TimersAsync()).Select(t => t.Id).ToList();
        await MakeDueAsync(host);

        await Queue(host).FireAsync(timers, 200, CancellationToken.None);

        Assert.Contains(host.Logs.Lines, l => l.Contains("30 timers fired in one transaction (30 handed over by the clock, 0 found due)", StringComparison.Ordinal));
        Assert.All(await host.TimersAsync(), t => Assert.Equal(TimerStatus.Fired, t.Status));
        foreach (var id in instances)
        {
            Assert.Single(await host.JournalAsync(id), j => j.Kind == JournalKind.TimerFired);
            await host.OpenTaskAsync(id); // the step after the wait is open, exactly once
        }
    }

    [Fact]
    public async Task Batch_WithATimerWhoseStepWasCompleted_AndDuplicates_FiresTheOthersOnce_AndChangesNothingElse()
    {
        using var folder = new TestDataFolder();
        await using var host = await ClockHost.StartAsync(folder);
        await host.PublishAsync("deadline", Deadline);
        var done = await host.StartInstanceAsync("deadline", "CASE-DONE");
        var late = await host.StartInstanceAsync("deadline", "CASE-LATE");
        var doneTimer = Assert.Single(await host.TimersAsync(done)).Id;
        var lateTimer = Assert.Single(await host.TimersAsync(late)).Id;
        Assert.True((await host.Runner.CompleteTaskAsync(await host.OpenTaskAsync(done), null, "police", CancellationToken.None)).IsOk);
        var doneJournal = (await host.JournalAsync(done)).Count;
        await MakeDueAsync(host);

        await Queue(host).FireAsync([doneTimer, lateTimer, lateTimer], 200, CancellationToken.None);
        await Queue(host).FireAsync([lateTimer], 200, CancellationToken.None); // handed over again after it fired

        Assert.Contains(host.Logs.Lines, l => l.Contains($"Timer {doneTimer} dropped: it is already Cancelled", StringComparison.Ordinal));
        Assert.Equal(doneJournal, (await host.JournalAsync(done)).Count);
        Assert.Equal(ProcessInstanceStatus.Completed, (await host.InstanceAsync(done)).Status);
        var escalated = await host.JournalAsync(late);
        Assert.Single(escalated, j => j.Kind == JournalKind.TimerFired);
        Assert.Contains(escalated, j => j.ElementId == "Escalated");
        Assert.DoesNotContain(escalated, j => j.Kind == JournalKind.TriggerIgnored);
    }

    [Fact]
    public async Task FireTimers_AStepThatLostARace_IsUndoneAlone_AndTheOthersCommit()
    {
        using var folder = new TestDataFolder();
        await using var host = await ClockHost.StartAsync(folder);
        await host.PublishAsync("parallel", Parallel);
        var raced = await host.StartInstanceAsync("parallel", "CASE-RACED");
        var calm = await host.StartInstanceAsync("parallel", "CASE-CALM");
        List<TimerRecord> read;
        await using (var db = host.Db())
            read = await db.Timers.AsNoTracking().Include(t => t.Instance).OrderBy(t => t.InstanceId).ToListAsync();
        // The raced instance moves after its timer was read: the batch's step for it is now out of date.
        Assert.True((await host.Runner.CompleteTaskAsync(await host.OpenTaskAsync(raced), null, "police", CancellationToken.None)).IsOk);

        var results = await host.Runner.FireTimersAsync(read, CancellationToken.None);

        Assert.Equal([RunOutcome.Conflict, RunOutcome.Ok], results.Select(r => r.Outcome));
        Assert.Equal(TimerStatus.Pending, Assert.Single(await host.TimersAsync(raced)).Status);
        Assert.DoesNotContain(await host.JournalAsync(raced), j => j.Kind == JournalKind.TimerFired);
        Assert.Equal(TimerStatus.Fired, Assert.Single(await host.TimersAsync(calm)).Status);
        // Fired alone afterwards, the raced timer goes through on the instance as it now is.
        await host.Firing.FireAsync(read[0].Id, CancellationToken.None);
        Assert.Equal(ProcessInstanceStatus.Completed, (await host.InstanceAsync(raced)).Status);
    }

    [Fact]
    public async Task Batch_TimersOfMissingOrEndedInstances_AreDroppedWithALogLine_AndTimersAlreadyDueAreAdded()
    {
        using var folder = new TestDataFolder();
        await using var host = await ClockHost.StartAsync(folder);
        await host.PublishAsync("wait", Wait);
        var ended = await host.StartInstanceAsync("wait", "CASE-E");
        var endedTimer = Assert.Single(await host.TimersAsync(ended)).Id;
        Assert.True((await host.Runner.CancelAsync(ended, "duplicate report", "chair", CancellationToken.None)).IsOk);
        var overdue = await host.StartInstanceAsync("wait", "CASE-D");
        var overdueTimer = Assert.Single(await host.TimersAsync(overdue)).Id;
        // Due a minute ago and not handed over (as when its trigger is still queued in Quartz).
        await using (var db = host.Db())
            await db.Timers.Where(t => t.Id == overdueTimer).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));

        // Moved an hour later while its old trigger was already firing.
        var later = await host.StartInstanceAsync("wait", "CASE-L");
        var laterTimer = Assert.Single(await host.TimersAsync(later)).Id;

        await Queue(host).FireAsync([endedTimer, 999_999, laterTimer], 200, CancellationToken.None);

        Assert.Contains(host.Logs.Lines, l => l.Contains($"Timer {endedTimer} dropped: it is already Cancelled", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, l => l.Contains("Timer 999999 dropped: it no longer exists", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, l => l.Contains($"Timer {laterTimer} dropped: it was moved to", StringComparison.Ordinal));
        Assert.Equal(TimerStatus.Pending, Assert.Single(await host.TimersAsync(later)).Status);
        Assert.Contains(host.Logs.Lines, l => l.Contains("1 timers fired in one transaction (3 handed over by the clock, 1 found due)", StringComparison.Ordinal));
        Assert.Equal(TimerStatus.Fired, Assert.Single(await host.TimersAsync(overdue)).Status);
        // Its own trigger is removed (beside the writer): it would only find the row fired.
        await ClockHost.EventuallyAsync(async () => await host.TriggerAsync(overdueTimer) is null, Patience, "the fired timer's trigger to be removed");
    }

    [Fact]
    public async Task Batch_ATimerWhoseStepNoLongerWaits_IsClosedWithAJournalLine_NotAnIncident()
    {
        using var folder = new TestDataFolder();
        await using var host = await ClockHost.StartAsync(folder);
        await host.PublishAsync("wait", Wait);
        var id = await host.StartInstanceAsync("wait");
        var timer = Assert.Single(await host.TimersAsync(id));
        // The row names a subscription the instance does not have (data put right by hand, a step gone).
        await using (var db = host.Db())
            await db.Timers.Where(t => t.Id == timer.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.TimerId, 999));
        await MakeDueAsync(host);

        await Queue(host).FireAsync([timer.Id], 200, CancellationToken.None);

        Assert.Equal(TimerStatus.Fired, Assert.Single(await host.TimersAsync(id)).Status);
        Assert.Contains(await host.JournalAsync(id), j => j.Kind == JournalKind.TriggerIgnored);
        Assert.Equal(ProcessInstanceStatus.Running, (await host.InstanceAsync(id)).Status);
        await using var check = host.Db();
        Assert.False(await check.Incidents.AnyAsync(i => i.InstanceId == id));
    }

    [Fact]
    public async Task Clock_FiresDueTimersThroughTheQueue_AndARestartLosesNone()
    {
        using var folder = new TestDataFolder();
        List<long> instances = [];
        await using (var first = await ClockHost.StartAsync(folder))
        {
            await first.PublishAsync("soon", Sequence("soon",
                """<bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT5S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"""));
            for (var i = 0; i < 20; i++) instances.Add(await first.StartInstanceAsync("soon", $"CASE-{i}"));
            Assert.All(await first.TimersAsync(), t => Assert.Equal(TimerStatus.Pending, t.Status));
        }
        var lastDue = (await TimersOfAsync(folder)).Max(t => t.DueAt);
        await ClockHost.EventuallyAsync(() => Task.FromResult(DateTimeOffset.UtcNow > lastDue.AddSeconds(1)), Patience, "the timers to be late");

        await using var second = await ClockHost.StartAsync(folder);
        await ClockHost.EventuallyAsync(async () => (await second.TimersAsync()).All(t => t.Status == TimerStatus.Fired), Patience, "every timer to fire");

        foreach (var id in instances) Assert.Single(await second.JournalAsync(id), j => j.Kind == JournalKind.TimerFired);
        Assert.Contains(second.Logs.Lines, l => l.Contains("timers fired in one transaction", StringComparison.Ordinal));
    }

    private static DueTimerQueue Queue(ClockHost host) => host.Services.GetRequiredService<DueTimerQueue>();

    /// <summary>The pending rows due a second ago, as when the clock hands them over (their triggers stay an hour away).</summary>
    private static async Task MakeDueAsync(ClockHost host)
    {
        await using var db = host.Db();
        await db.Timers.Where(t => t.Status == TimerStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
    }

    private static async Task<List<TimerRecord>> TimersOfAsync(TestDataFolder folder)
    {
        await using var db = await ClockHost.DbOfAsync(folder);
        return await db.Timers.AsNoTracking().ToListAsync();
    }
}
