using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Time;

namespace MonitoringWorkflows.Engine.Execution.Elements;

/// <summary>Turns a timer definition into a subscription and asks the host to schedule it.</summary>
internal static class Timers
{
    public static void Schedule(StepContext context, Token holder, string elementId, TimerDefinition timer)
    {
        var subscription = new Subscription
        {
            Id = context.State.TakeId(),
            Kind = SubscriptionKind.Timer,
            TokenId = holder.Id,
            ElementId = elementId,
        };
        var text = Values.EvaluateText(context, timer.Value, context.VariablesOf(holder), "timer") ?? "";
        switch (timer.Kind)
        {
            case TimerKind.Duration:
                subscription.DueAt = Parse<Iso8601Duration>(context, text, Iso8601.TryParseDuration, "duration such as PT24H").AddTo(context.Now, context.Calendar);
                break;
            case TimerKind.Date:
                subscription.DueAt = Parse<DateTimeOffset>(context, text, Iso8601.TryParseDate, "date such as 2026-12-01T09:00:00Z");
                break;
            case TimerKind.Cycle:
                var cycle = Parse<Iso8601Cycle>(context, text, Iso8601.TryParseCycle, "cycle such as R3/P1D");
                if (cycle.Repetitions == 0) return;
                subscription.DueAt = cycle.Start ?? cycle.Interval.AddTo(context.Now, context.Calendar);
                subscription.RemainingRepetitions = cycle.Repetitions - 1;
                subscription.CycleInterval = cycle.IntervalText;
                break;
        }
        context.State.Subscriptions.Add(subscription);
        context.Emit(new TimerScheduled(subscription.Id, elementId, subscription.DueAt!.Value));
    }

    /// <summary>After a cycle timer fired: schedules the next repetition, or removes the subscription when none is left.</summary>
    public static void AfterFiring(StepContext context, Subscription timer)
    {
        if (timer.CycleInterval is { } interval && timer.RemainingRepetitions is not 0
            && Iso8601.TryParseDuration(interval, out var duration))
        {
            timer.DueAt = duration.AddTo(timer.DueAt ?? context.Now, context.Calendar);
            if (timer.RemainingRepetitions is { } remaining) timer.RemainingRepetitions = remaining - 1;
            context.Emit(new TimerScheduled(timer.Id, timer.ElementId, timer.DueAt.Value));
            return;
        }
        context.State.Subscriptions.Remove(timer);
    }

    private delegate bool TryParse<T>(string? text, out T value);

    private static T Parse<T>(StepContext context, string text, TryParse<T> parse, string expected) =>
        parse(text, out var value)
            ? value
            : throw new StepFailure(IncidentCodes.BadTimer, context.CurrentElementId, $"The timer '{text}' is not an ISO 8601 {expected}.");
}
