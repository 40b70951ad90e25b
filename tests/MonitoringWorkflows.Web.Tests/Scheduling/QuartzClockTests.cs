using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Tests.Scheduling.Support;
using MonitoringWorkflows.Web.Tests.Support;
using static MonitoringWorkflows.Web.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Web.Tests.Scheduling;

/// <summary>The engine's timers on the real Quartz clock, with short real timers.</summary>
public sealed class QuartzClockTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static string Wait(string key, string duration) => Sequence(key,
        $"""<bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>{duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""");

    /// <summary>A step with an interrupting timer on it: the step or the timer, whichever comes first.</summary>
    private static readonly string Deadline = Process("deadline", """
        <bpmn:startEvent id="Start" />
        <bpmn:userTask id="Review" name="Review" mw:agency="Police" />
        <bpmn:boundaryEvent id="Late" attachedToRef="Review"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:endEvent id="Done" />
        <bpmn:endEvent id="Escalated" />
        """ + Flow("F1", "Start", "Review") + Flow("F2", "Review", "Done") + Flow("F3", "Late", "Escalated"));

    [Fact]
    public async Task Timer_WhenDue_FiresOnceAndAdvancesTheInstance()
    {
        using var folder = new TestDataFolder();
        await using var host = await ClockHost.StartAsync(folder);
        await host.PublishAsync("wait", Wait("wait", "PT1S"));

        var id = await host.StartInstanceAsync("wait");
        var timer = Assert.Single(await host.TimersAsync(id));
        Assert.Equal(timer.DueAt, (await host.TriggerAsync(timer.Id))!.StartTimeUtc);

        await ClockHost.EventuallyAsync(async () => (await host.InstanceAsync(id)).Status == ProcessInstanceStatus.Completed, Patience, "the timer to end the instance");
        var fired = Assert.Single(await host.TimersAsync(id));
        Assert.Equal(TimerStatus.Fired, fired.Status);
        Assert.True(fired.FiredAt >= fired.DueAt, $"fired at {fired.FiredAt:O}, due at {fired.DueAt:O}");
        Assert.Single(await host.JournalAsync(id), j => j.Kind == JournalKind.TimerFired);
        Assert.Null(await host.TriggerAsync(timer.Id));
        Assert.True(File.Exists(folder.Combine("data", "quartz.db")));
    }

    [Fact]
    public async Task Restart_WithTimersPending_FiresEachOnceAndTheLateOnesAtOnce()
    {
        using var folder = new TestDataFolder();
        List<long> late = [], onTime = [];
        await using (var first = await ClockHost.StartAsync(folder))
        {
            await first.PublishAsync("short", Wait("short", "PT1S"));
            await first.PublishAsync("long", Wait("long", "PT3S"));
            for (var i = 0; i < 3; i++) late.Add(await first.StartInstanceAsync("short", $"CASE-{i}"));
            onTime.Add(await first.StartInstanceAsync("long", "CASE-L"));
        }
        var lastDue = (await TimersOfAsync(folder)).Where(t => late.Contains(t.InstanceId)).Max(t => t.DueAt);
        // The host is down while the short timers come due (and pass Quartz's misfire threshold).
        await ClockHost.EventuallyAsync(() => Task.FromResult(DateTimeOffset.UtcNow > lastDue.AddSeconds(1)), Patience, "the short timers to be late");

        await using var second = await ClockHost.StartAsync(folder);
        var restarted = DateTimeOffset.UtcNow;
        await ClockHost.EventuallyAsync(async () => (await second.TimersAsync()).Count(t => t.Status == TimerStatus.Fired) >= late.Count, Patience, "the late timers to fire");
        Assert.True(DateTimeOffset.UtcNow - restarted < TimeSpan.FromSeconds(3), "late timers fire at once after a restart");
        await ClockHost.EventuallyAsync(async () => (await second.TimersAsync()).All(t => t.Status == TimerStatus.Fired), Patience, "every timer to fire");

        foreach (var id in late.Concat(onTime))
        {
            Assert.Equal(ProcessInstanceStatus.Completed, (await second.InstanceAsync(id)).Status);
            Assert.Single(await second.JournalAsync(id), j => j.Kind == JournalKind.TimerFired);
            Assert.DoesNotContain(await second.JournalAsync(id), j => j.Kind == JournalKind.TriggerIgnored);
        }
        Assert.DoesNotContain(second.Logs.Lines, l => l.Contains("dropped", StringComparison.Ordinal));
        // The late ones went through Quartz's misfire instruction (fire now), or the queue's look at start found them
        // due first (and removed their triggers before Quartz got to them).
        Assert.Contains(second.Logs.Lines, l => l.Contains($"Handling {late.Count} trigger(s) that missed their scheduled fire-time", StringComparison.Ordinal)
            || System.Text.RegularExpressions.Regex.IsMatch(l, @"\([0-9]+ handed over by the clock, [1-9][0-9]* found due\)"));
    }

    [Fact]
    public async Task Start_ReconcilesTriggersWithTheTimerRows()
    {
        using var folder = new TestDataFolder();
        long stale;
        await using (var first = await ClockHost.StartAsync(folder))
        {
            await first.PublishAsync("short", Wait("short", "PT1S"));
            await first.PublishAsync("long", Wait("long", "PT1H"));
            stale = Assert.Single(await first.TimersAsync(await first.StartInstanceAsync("long", "CASE-S"))).Id;
        }
        Assert.Equal(1L, await QuartzTriggerCountAsync(folder, stale));
        long missing;
        // A step committed while the clock was not told (as after a crash between commit and scheduling).
        await using (var unscheduled = await ClockHost.StartAsync(folder, new() { ["Scheduling:Enabled"] = "false" }))
            missing = await unscheduled.StartInstanceAsync("short", "CASE-M");
        // A database restored from before the long timer existed: its trigger is left over.
        await using (var db = await ClockHost.DbOfAsync(folder))
            await db.Timers.Where(t => t.Id == stale).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Cancelled));

        await using var host = await ClockHost.StartAsync(folder);
        Assert.Contains(host.Logs.Lines, l => l.Contains("Timers reconciled: 1 pending, 1 scheduled anew, 1 stale triggers removed", StringComparison.Ordinal));
        Assert.Null(await host.TriggerAsync(stale));
        await ClockHost.EventuallyAsync(async () => (await host.InstanceAsync(missing)).Status == ProcessInstanceStatus.Completed, Patience, "the unscheduled timer to fire");
    }

    [Fact]
    public async Task StepCompletedJustBeforeItsTimer_Wins_AndTheTimerDoesNothing()
    {
        using var folder = new TestDataFolder();
        await using var host = await ClockHost.StartAsync(folder);
        await host.PublishAsync("deadline", Deadline);
        var id = await host.StartInstanceAsync("deadline");
        var timer = Assert.Single(await host.TimersAsync(id));
        var review = await host.OpenTaskAsync(id);
        var task = await host.Runner.CompleteTaskAsync(review, null, "police", CancellationToken.None);
        Assert.True(task.IsOk, task.Message);
        Assert.Equal(TimerStatus.Cancelled, Assert.Single(await host.TimersAsync(id)).Status);
        Assert.Null(await host.TriggerAsync(timer.Id));

        // The trigger fires anyway, as when Quartz had already taken it when the step committed.
        await host.Firing.FireAsync(timer.Id, CancellationToken.None);

        var instance = await host.InstanceAsync(id);
        Assert.Equal(ProcessInstanceStatus.Completed, instance.Status);
        Assert.DoesNotContain(await host.JournalAsync(id), j => j.Kind == JournalKind.TimerFired || j.ElementId == "Escalated");
        Assert.Contains(host.Logs.Lines, l => l.Contains($"Timer {timer.Id} dropped: it is already Cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TimerOfAnEndedOrMissingInstance_IsDroppedWithALogLine()
    {
        using var folder = new TestDataFolder();
        await using var host = await ClockHost.StartAsync(folder);
        await host.PublishAsync("long", Wait("long", "PT1H"));
        var cancelled = await host.StartInstanceAsync("long", "CASE-C");
        var cancelledTimer = Assert.Single(await host.TimersAsync(cancelled)).Id;
        Assert.True((await host.Runner.CancelAsync(cancelled, "duplicate report", "chair", CancellationToken.None)).IsOk);
        Assert.Null(await host.TriggerAsync(cancelledTimer));
        // An instance that ended without its timer row being closed (data put right by hand).
        var ended = await host.StartInstanceAsync("long", "CASE-E");
        var endedTimer = Assert.Single(await host.TimersAsync(ended)).Id;
        await using (var db = host.Db())
            await db.ProcessInstances.Where(i => i.Id == ended).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ProcessInstanceStatus.Terminated));
        var journalBefore = (await host.JournalAsync(cancelled)).Count + (await host.JournalAsync(ended)).Count;

        await host.Firing.FireAsync(cancelledTimer, CancellationToken.None);
        await host.Firing.FireAsync(endedTimer, CancellationToken.None);
        await host.Firing.FireAsync(999_999, CancellationToken.None);

        Assert.Contains(host.Logs.Lines, l => l.Contains($"Timer {cancelledTimer} dropped: it is already Cancelled", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, l => l.Contains($"Timer {endedTimer} dropped: its instance {ended} has ended (Terminated)", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, l => l.Contains("Timer 999999 dropped: it no longer exists", StringComparison.Ordinal));
        Assert.Equal(journalBefore, (await host.JournalAsync(cancelled)).Count + (await host.JournalAsync(ended)).Count);
        Assert.Equal(TimerStatus.Pending, Assert.Single(await host.TimersAsync(ended)).Status);
    }

    [Fact]
    public async Task FiringThatFails_RecordsOneIncident_AndFiringItAgainDoesNotRecordASecond()
    {
        using var folder = new TestDataFolder();
        await using var host = await ClockHost.StartAsync(folder);
        // After the wait, a gateway reads a variable nobody set: the step fails and rolls back, the timer row stays pending.
        await host.PublishAsync("broken", Process("broken", """
            <bpmn:startEvent id="Start" />
            <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:exclusiveGateway id="Level" default="F_Low" />
            <bpmn:endEvent id="High" />
            <bpmn:endEvent id="Low" />
            """ + Flow("F1", "Start", "Wait") + Flow("F2", "Wait", "Level") + Flow("F_High", "Level", "High", "risk.score >= 14") + Flow("F_Low", "Level", "Low")));
        var id = await host.StartInstanceAsync("broken");
        var timer = Assert.Single(await host.TimersAsync(id));

        await ClockHost.EventuallyAsync(async () => (await host.InstanceAsync(id)).Status == ProcessInstanceStatus.Incident, Patience, "the failed firing's incident");
        await host.Firing.FireAsync(timer.Id, CancellationToken.None);

        await using var db = host.Db();
        var incident = Assert.Single(await db.Incidents.AsNoTracking().Where(i => i.InstanceId == id).ToListAsync());
        Assert.Equal(TimerStatus.Pending, Assert.Single(await host.TimersAsync(id)).Status);
        Assert.Contains(host.Logs.Lines, l => l.Contains($"Timer {timer.Id} dropped: its firing failed before and incident {incident.Id} waits for a retry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CycleTimer_OnAStep_FiresEachRepetitionAndKeepsTheStep()
    {
        using var folder = new TestDataFolder();
        await using var host = await ClockHost.StartAsync(folder);
        await host.PublishAsync("remind", Process("remind", """
            <bpmn:startEvent id="Start" />
            <bpmn:userTask id="Review" name="Review" mw:agency="Police" />
            <bpmn:boundaryEvent id="Remind" attachedToRef="Review" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT1S</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:endEvent id="Done" />
            <bpmn:endEvent id="Reminded" />
            """ + Flow("F1", "Start", "Review") + Flow("F2", "Review", "Done") + Flow("F3", "Remind", "Reminded")));
        var id = await host.StartInstanceAsync("remind");

        await ClockHost.EventuallyAsync(async () => (await host.TimersAsync(id)).Count(t => t.Status == TimerStatus.Fired) == 2, Patience, "both repetitions to fire");

        Assert.DoesNotContain(await host.TimersAsync(id), t => t.Status == TimerStatus.Pending);
        Assert.Equal(2, (await host.JournalAsync(id)).Count(j => j.Kind == JournalKind.TimerFired));
        await host.OpenTaskAsync(id);
        Assert.Equal(ProcessInstanceStatus.Running, (await host.InstanceAsync(id)).Status);
    }

    /// <summary>Reads Quartz's own file in the data folder: the trigger is stored there, not elsewhere.</summary>
    private static async Task<long> QuartzTriggerCountAsync(TestDataFolder folder, long timerId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={folder.Combine("data", "quartz.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = $name";
        command.Parameters.AddWithValue("$name", $"timer-{timerId}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<TimerRecord>> TimersOfAsync(TestDataFolder folder)
    {
        await using var db = await ClockHost.DbOfAsync(folder);
        return await db.Timers.AsNoTracking().ToListAsync();
    }
}
