using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Actions;
using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Execution;
using MonitoringWorkflows.Engine.Expressions;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Tests.Support;

/// <summary>
/// Plays the host for executor tests: keeps the state, applies triggers, remembers every effect, and knows which
/// tasks are open and which timers are pending from the effects alone (as the real host does).
/// </summary>
internal sealed class TestInstance
{
    private static readonly IExpressionEvaluator Evaluator = new JintExpressionEvaluator();
    private static readonly DateTimeOffset DefaultNow = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly ProcessExecutor executor;
    private readonly BpmnDocument? calledProcesses;
    private readonly Dictionary<int, TestInstance> children = [];

    private TestInstance(ProcessDefinition definition, ProcessExecutor executor, BpmnDocument? calledProcesses, DateTimeOffset now)
    {
        Definition = definition;
        this.executor = executor;
        this.calledProcesses = calledProcesses;
        Now = now;
    }

    public ProcessDefinition Definition { get; }
    public InstanceState State { get; private set; } = new();
    public List<Effect> Effects { get; } = [];
    public StepResult? LastResult { get; private set; }
    public DateTimeOffset Now { get; set; }

    /// <summary>Child instances started by call activities (when the called processes were given), by the parent's token id.</summary>
    public IReadOnlyDictionary<int, TestInstance> Children => children;

    public static ProcessDefinition Read(string xml, string? processId = null)
    {
        var result = new BpmnReader().Read(xml);
        Assert.True(result.Document is not null, string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.Message)));
        return processId is null ? result.Document!.MainProcess! : result.Document!.Process(processId)!;
    }

    public static TestInstance Start(string xml, JsonObject? variables = null, IEnumerable<IServiceAction>? actions = null,
        bool isCalledProcess = false) =>
        Start(Read(xml), variables, new ProcessExecutor(Evaluator, new ServiceActionRegistry(actions ?? [])), isCalledProcess: isCalledProcess);

    /// <summary>
    /// Starts an instance of <paramref name="definition"/> on the given executor. With <paramref name="calledProcesses"/>,
    /// call activities start the named process of that document as a child here, and its end is fed back at once.
    /// </summary>
    public static TestInstance Start(ProcessDefinition definition, JsonObject? variables, ProcessExecutor executor,
        BpmnDocument? calledProcesses = null, bool isCalledProcess = false, DateTimeOffset? now = null)
    {
        var instance = new TestInstance(definition, executor, calledProcesses, now ?? DefaultNow);
        instance.Apply(new StartInstance(variables, isCalledProcess));
        return instance;
    }

    /// <summary>Applies a trigger; on success the new state is kept, as a host would after committing.</summary>
    public StepResult Apply(Trigger trigger)
    {
        var result = executor.Step(Definition, State, trigger, Now);
        LastResult = result;
        if (!result.Succeeded) return result;
        State = result.State;
        Effects.AddRange(result.Effects);
        if (calledProcesses is not null)
            foreach (var started in result.Effects.OfType<CalledProcessStarted>()) StartChild(started);
        return result;
    }

    private void StartChild(CalledProcessStarted started)
    {
        var child = Start(calledProcesses!.Process(started.ProcessId)!, started.Variables, executor, calledProcesses, isCalledProcess: true, Now);
        children[started.TokenId] = child;
        Assert.True(child.LastResult!.Succeeded, child.LastResult.Incident?.Message);
        if (child.State.Status == InstanceStatus.Completed)
            Apply(new CompleteCalledProcess(started.TokenId, (JsonObject)child.State.Variables.DeepClone()));
        else if (child.Effects.OfType<ErrorEscaped>().FirstOrDefault() is { } escaped)
            Apply(new FailCalledProcess(started.TokenId, escaped.ErrorCode));
    }

    public IReadOnlyList<UserTaskCreated> OpenTasks
    {
        get
        {
            var closed = Effects.OfType<UserTaskCompleted>().Select(e => e.TaskId)
                .Concat(Effects.OfType<UserTaskCancelled>().Select(e => e.TaskId)).ToHashSet();
            return Effects.OfType<UserTaskCreated>().Where(t => !closed.Contains(t.TaskId)).ToList();
        }
    }

    public UserTaskCreated Task(string elementId) => Assert.Single(OpenTasks, t => t.ElementId == elementId);

    public StepResult Complete(string elementId, JsonObject? data = null, string actor = "tester") =>
        Apply(new CompleteTask(Task(elementId).TaskId, data) { Actor = actor });

    /// <summary>Completes the one open task of the element; the step must succeed.</summary>
    public void CompleteSuccessfully(string elementId, JsonObject? data = null)
    {
        var result = Complete(elementId, data);
        Assert.True(result.Succeeded, result.Incident?.Message ?? result.Rejection?.Message);
    }

    /// <summary>Timers scheduled and not cancelled or fired since, with their latest due time.</summary>
    public IReadOnlyList<TimerScheduled> PendingTimers
    {
        get
        {
            var latest = new Dictionary<int, TimerScheduled>();
            foreach (var effect in Effects)
            {
                switch (effect)
                {
                    case TimerScheduled scheduled: latest[scheduled.TimerId] = scheduled; break;
                    case TimerCancelled cancelled: latest.Remove(cancelled.TimerId); break;
                }
            }
            var live = State.Subscriptions.Where(s => s.Kind == SubscriptionKind.Timer).Select(s => s.Id).ToHashSet();
            return latest.Values.Where(t => live.Contains(t.TimerId)).OrderBy(t => t.DueAt).ToList();
        }
    }

    /// <summary>Moves the clock and fires every timer that has come due, earliest first.</summary>
    public void AdvanceAndFire(TimeSpan by)
    {
        Now += by;
        while (PendingTimers.FirstOrDefault(t => t.DueAt <= Now) is { } due)
            Assert.True(Apply(new FireTimer(due.TimerId)).Succeeded, LastResult?.Incident?.Message);
    }

    public IReadOnlyList<string> FlowsTaken => Journal(JournalKind.FlowTaken);
    public IReadOnlyList<string> Completed => Journal(JournalKind.ElementCompleted);
    public IReadOnlyList<string> Cancelled => Journal(JournalKind.ElementCancelled);

    /// <summary>Where the tokens that wait at a joining gateway sit, with the flow each arrived by.</summary>
    public IReadOnlyList<string> Joining =>
        State.Tokens.Where(t => t.Phase == TokenPhase.Joining).Select(t => $"{t.ElementId} via {t.ArrivedVia}").Order(StringComparer.Ordinal).ToList();

    private List<string> Journal(JournalKind kind) =>
        Effects.OfType<JournalEntry>().Where(e => e.Kind == kind).Select(e => e.ElementId!).ToList();

    public JsonNode? Variable(string name) => State.Variables[name];
}
