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

    private static string Wait(string duration) => Sequence("wait",
        $"""<bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>{duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""");

    [Fact]
    public async Task Timer_WhenDue_FiresOnceAndAdvancesTheInstance()
    {
        using var folder = new TestDataFolder();
        await using var host = await ClockHost.StartAsync(folder);
        await host.PublishAsync("wait", Wait("PT1S"));

        var id = await host.StartInstanceAsync("wait");
        var timer = Assert.Single(await host.TimersAsync(id));
        var trigger = await host.TriggerAsync(timer.Id);
        Assert.Equal(timer.DueAt, trigger!.StartTimeUtc);

        await ClockHost.EventuallyAsync(async () => (await host.InstanceAsync(id)).Status == ProcessInstanceStatus.Completed, Patience, "the timer to end the instance");
        var fired = Assert.Single(await host.TimersAsync(id));
        Assert.Equal(TimerStatus.Fired, fired.Status);
        Assert.True(fired.FiredAt >= fired.DueAt, $"fired at {fired.FiredAt:O}, due at {fired.DueAt:O}");
        Assert.Single(await host.JournalAsync(id), j => j.Kind == JournalKind.TimerFired);
        Assert.Null(await host.TriggerAsync(timer.Id));
    }
}
