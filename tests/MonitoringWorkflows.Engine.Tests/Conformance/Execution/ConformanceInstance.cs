using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Actions;
using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Execution;
using MonitoringWorkflows.Engine.Expressions;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Tests.Support;

namespace MonitoringWorkflows.Engine.Tests.Conformance.Execution;

/// <summary>
/// Plays the host for one bpmn-engine corpus file, like <see cref="TestInstance"/> but with the test-only
/// <see cref="BpmnEngineDialect"/> around the real evaluator, straight on the read model (the validator is not
/// asked), and starting called processes of the same file as child instances.
/// </summary>
internal sealed class ConformanceInstance
{
    private static readonly JintExpressionEvaluator Sandbox = new();
    private readonly ProcessExecutor executor;
    private readonly BpmnDocument document;
    private readonly Dictionary<int, ConformanceInstance> children = [];

    private ConformanceInstance(BpmnDocument document, ProcessDefinition definition, ProcessExecutor executor, DateTimeOffset now)
    {
        this.document = document;
        this.executor = executor;
        Definition = definition;
        Now = now;
    }

    public ProcessDefinition Definition { get; }
    public InstanceState State { get; private set; } = new();
    public List<Effect> Effects { get; } = [];
    public StepResult? LastResult { get; private set; }
    public DateTimeOffset Now { get; private set; }

    /// <summary>The child instances started by call activities, by the parent's token id.</summary>
    public IReadOnlyDictionary<int, ConformanceInstance> Children => children;

    /// <summary>Reads the corpus file, which must be readable, and starts its main process.</summary>
    public static ConformanceInstance Start(string file, JsonObject? variables = null, string services = "{}")
    {
        var document = Read(file);
        var executor = new ProcessExecutor(new BpmnEngineDialect(Sandbox, services), new ServiceActionRegistry([]));
        var instance = new ConformanceInstance(document, document.MainProcess!, executor, new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        instance.Apply(new StartInstance(variables));
        return instance;
    }

    public static BpmnDocument Read(string file)
    {
        using var stream = File.OpenRead(ConformanceFiles.FullPath(file));
        var result = new BpmnReader().Read(stream);
        Assert.True(result.Document is not null, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Document!;
    }

    /// <summary>Applies a trigger; on success keeps the new state and starts (and finishes) any called process.</summary>
    public StepResult Apply(Trigger trigger)
    {
        var result = executor.Step(Definition, State, trigger, Now);
        LastResult = result;
        if (!result.Succeeded) return result;
        State = result.State;
        Effects.AddRange(result.Effects);
        foreach (var started in result.Effects.OfType<CalledProcessStarted>()) StartChild(started);
        return result;
    }

    private void StartChild(CalledProcessStarted started)
    {
        var child = new ConformanceInstance(document, document.Process(started.ProcessId)!, executor, Now);
        children[started.TokenId] = child;
        Assert.True(child.Apply(new StartInstance(started.Variables, IsCalledProcess: true)).Succeeded, child.LastResult?.Incident?.Message);
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

    /// <summary>Completes the one open task of the element; the step must succeed.</summary>
    public void Complete(string elementId, JsonObject? data = null)
    {
        var task = Assert.Single(OpenTasks, t => t.ElementId == elementId);
        var result = Apply(new CompleteTask(task.TaskId, data) { Actor = "tester" });
        Assert.True(result.Succeeded, result.Incident?.Message);
    }

    /// <summary>Timers scheduled and neither cancelled nor fired since, earliest first.</summary>
    public IReadOnlyList<TimerScheduled> PendingTimers
    {
        get
        {
            var latest = new Dictionary<int, TimerScheduled>();
            foreach (var effect in Effects)
            {
                if (effect is TimerScheduled scheduled) latest[scheduled.TimerId] = scheduled;
                else if (effect is TimerCancelled cancelled) latest.Remove(cancelled.TimerId);
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

    public JsonNode? Variable(string name) => State.Variables[name];

    private List<string> Journal(JournalKind kind) =>
        Effects.OfType<JournalEntry>().Where(e => e.Kind == kind).Select(e => e.ElementId!).ToList();
}
