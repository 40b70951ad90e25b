using System.Diagnostics;
using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Execution;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Bench.InMemory;

internal enum CallActivityMode
{
    /// <summary>A called process runs in-process to its end, as its own instance, and its variables go back to the parent.</summary>
    RunChild,
    /// <summary>A call activity completes at once with the scenario's canned result (for engines that cannot run our children).</summary>
    CompleteAtOnce,
}

/// <summary>The variables an instance ended with, and the error that escaped it, if any.</summary>
internal sealed record InstanceOutcome(JsonObject Variables, string? EscapedError);

/// <summary>
/// A tiny host in memory: drives an instance to its end the way the web host does, from the effects alone. It
/// completes every task it opened with the scenario's form data, runs called processes, delivers the messages the
/// instance waits for and, only when nothing else can move the instance, fires its earliest timer.
/// </summary>
internal sealed class InMemoryHost(ProcessExecutor executor, ProcessLibrary library, Scenario scenario, CallActivityMode calls)
{
    /// <summary>When every case starts: each top-level instance runs on its own clock from here.</summary>
    public static readonly DateTimeOffset CaseStart = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The host's clock; firing a timer moves it to the timer's due time.</summary>
    public DateTimeOffset Now { get; set; } = CaseStart;

    /// <summary>When set, collects the id of every element entered or completed (to check that a route went where it should).</summary>
    public HashSet<string>? Passed { get; set; }

    /// <summary>Steps applied so far, across every instance this host ran.</summary>
    public long Steps { get; private set; }

    /// <summary>Stopwatch ticks spent inside <see cref="ProcessExecutor.Step"/>, across every step.</summary>
    public long StepTicks { get; private set; }

    /// <summary>Bytes allocated inside <see cref="ProcessExecutor.Step"/>, across every step.</summary>
    public long StepBytes { get; private set; }

    /// <summary>When set, sees the state each step starts from (the profile measures what copying it costs).</summary>
    public Action<InstanceState>? BeforeStep { get; set; }

    /// <summary>When set, sees every step's result (the profile weighs the journal the executor wrote).</summary>
    public Action<StepResult>? AfterStep { get; set; }

    public InstanceOutcome Run(string processId, JsonObject? variables, ScenarioRoute route, bool isCalledProcess = false)
    {
        var run = new InstanceRun(library[processId]);
        // A case's timers move its clock months ahead; the next case starts afresh (its children share its clock).
        if (!isCalledProcess) Now = CaseStart;
        Apply(run, new StartInstance(variables, isCalledProcess), route);
        while (run.Status == InstanceStatus.Running)
            Apply(run, NextTrigger(run, route), route);
        return new InstanceOutcome(run.State.Variables, run.EscapedError);
    }

    private Trigger NextTrigger(InstanceRun run, ScenarioRoute route)
    {
        if (run.Owed.TryDequeue(out var owed)) return owed;
        if (run.OpenTasks.Count > 0)
        {
            var task = run.OpenTasks[0];
            return new CompleteTask(task.TaskId, scenario.FormData(route, task.FormKey)) { Actor = "bench" };
        }
        if (run.State.Subscriptions.Find(s => s.Kind == SubscriptionKind.Message) is { MessageName: { } message })
            return new ReceiveMessage(message, scenario.MessageData(message)) { Actor = "bench" };
        if (run.Timers.Count > 0)
        {
            var (timerId, dueAt) = run.Timers.MinBy(t => t.Value);
            run.Timers.Remove(timerId);
            if (dueAt > Now) Now = dueAt;
            return new FireTimer(timerId) { Actor = "timer" };
        }
        throw new InvalidOperationException(
            $"Instance of '{run.Definition.Id}' waits for nothing the bench can give (tokens on {string.Join(", ", run.State.Tokens.Select(t => t.ElementId))}).");
    }

    private void Apply(InstanceRun run, Trigger trigger, ScenarioRoute route)
    {
        BeforeStep?.Invoke(run.State);
        var (started, allocated) = (Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());
        var result = executor.Step(run.Definition, run.State, trigger, Now);
        StepTicks += Stopwatch.GetTimestamp() - started;
        StepBytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
        Steps++;
        AfterStep?.Invoke(result);
        if (!result.Succeeded)
            throw new InvalidOperationException($"{trigger.GetType().Name} on '{run.Definition.Id}' failed: " +
                (result.Incident is { } incident ? $"{incident.Code} at {incident.ElementId}: {incident.Message}" : result.Rejection!.Message));
        run.State = result.State;
        foreach (var effect in result.Effects) ApplyEffect(run, effect, route);
    }

    private void ApplyEffect(InstanceRun run, Effect effect, ScenarioRoute route)
    {
        switch (effect)
        {
            case UserTaskCreated created: run.OpenTasks.Add(created); break;
            case UserTaskCompleted completed: run.OpenTasks.RemoveAll(t => t.TaskId == completed.TaskId); break;
            case UserTaskCancelled cancelled: run.OpenTasks.RemoveAll(t => t.TaskId == cancelled.TaskId); break;
            case TimerScheduled scheduled: run.Timers[scheduled.TimerId] = scheduled.DueAt; break;
            case TimerCancelled cancelled: run.Timers.Remove(cancelled.TimerId); break;
            case CalledProcessStarted started: run.Owed.Enqueue(CallProcess(started, route)); break;
            case ErrorEscaped escaped: run.EscapedError = escaped.ErrorCode; break;
            case InstanceEnded ended: run.Status = ended.Status; break;
            case JournalEntry { Kind: JournalKind.ElementCompleted or JournalKind.ElementEntered, ElementId: { } id } when Passed is not null: Passed.Add(id); break;
            // Gateways and pass-through events are journaled by the flows around them, not by an entry line of their own.
            case JournalEntry { Kind: JournalKind.FlowTaken, ElementId: { } flowId } when Passed is not null:
                var flow = run.Definition.Flow(flowId);
                Passed.Add(flow.Source.Id);
                Passed.Add(flow.Target.Id);
                break;
        }
    }

    private Trigger CallProcess(CalledProcessStarted started, ScenarioRoute route)
    {
        if (calls == CallActivityMode.CompleteAtOnce)
            return new CompleteCalledProcess(started.TokenId, scenario.CalledProcessResult(started.ProcessId));
        var child = Run(started.ProcessId, started.Variables, route, isCalledProcess: true);
        return child.EscapedError is { } error
            ? new FailCalledProcess(started.TokenId, error)
            : new CompleteCalledProcess(started.TokenId, child.Variables);
    }
}
