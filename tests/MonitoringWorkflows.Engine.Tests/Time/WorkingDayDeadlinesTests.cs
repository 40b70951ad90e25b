using MonitoringWorkflows.Engine.Actions;
using MonitoringWorkflows.Engine.Execution;
using MonitoringWorkflows.Engine.Expressions;
using MonitoringWorkflows.Engine.Tests.Support;
using MonitoringWorkflows.Engine.Time;
using static MonitoringWorkflows.Engine.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Engine.Tests.Time;

/// <summary>Durations in working days (<c>P2WD</c>) on user tasks and timers, counted in the host's calendar.</summary>
public class WorkingDayDeadlinesTests
{
    private static readonly TimeSpan Baku = TimeSpan.FromHours(4);

    // The instance starts on Wednesday 25 November 2026, 09:00 UTC; Thursday the 26th is a day off in this calendar.
    private static readonly WorkingCalendar ThursdayOff = WorkingCalendar.WithDaysOff(Baku, [new DateOnly(2026, 11, 26)]);

    private static TestInstance Start(string element) => TestInstance.Start(
        TestInstance.Read(Process($"""
            <bpmn:startEvent id="Start" />{element}<bpmn:endEvent id="End" />
            {Flow("f0", "Start", "Step")}{Flow("f1", "Step", "End")}
            """)),
        null, new ProcessExecutor(new JintExpressionEvaluator(), new ServiceActionRegistry([]), ThursdayOff));

    [Fact]
    public void UserTask_DueInWorkingDays_SkipsTheDayOffAndTheWeekend()
    {
        var instance = Start(UserTask("Step", extra: """mw:dueIn="P2WD" """));

        // Wednesday + 2 working days: Thursday is off, Friday counts, the weekend does not, Monday counts.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), instance.Task("Step").DueAt);
    }

    [Fact]
    public void TimerEvent_DurationInWorkingDays_IsScheduledOnTheNextWorkingDay()
    {
        var instance = Start("""
            <bpmn:intermediateCatchEvent id="Step"><bpmn:timerEventDefinition><bpmn:timeDuration>P1WD</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            """);

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), Assert.Single(instance.PendingTimers).DueAt);
    }

    [Fact]
    public void UserTask_DueInWorkingDaysFromAnExpression_UsesTheCalendarToo()
    {
        var instance = Start(UserTask("Step", extra: """mw:dueIn="='P' + 1 + 'WD'" """));

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), instance.Task("Step").DueAt);
    }
}
