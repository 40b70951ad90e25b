using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Actions;
using MonitoringWorkflows.Engine.Expressions;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Time;

namespace MonitoringWorkflows.Engine.Execution;

/// <summary>
/// One step in progress: the working copy of the state, the effects so far and the tokens ready to move.
/// Lives for one call of <see cref="ProcessExecutor.Step"/>.
/// </summary>
internal sealed class StepContext(
    ProcessDefinition definition, InstanceState state, DateTimeOffset now, string actor,
    IExpressionEvaluator expressions, ServiceActionRegistry actions, IWorkingCalendar calendar)
{
    /// <summary>More element entries than this in one step means a loop without a wait state.</summary>
    private const int MaxEntriesPerStep = 10_000;

    private readonly Queue<Token> ready = new();
    private int entries;

    public ProcessDefinition Definition { get; } = definition;
    public InstanceState State { get; } = state;
    public DateTimeOffset Now { get; } = now;
    public string Actor { get; } = actor;
    public IExpressionEvaluator Expressions { get; } = expressions;
    public ServiceActionRegistry Actions { get; } = actions;
    public IWorkingCalendar Calendar { get; } = calendar;
    // A step emits a handful to a few dozen effects; start large enough that the list rarely grows.
    public List<Effect> Effects { get; } = new(32);

    /// <summary>The element being worked on, named by an incident if the step fails.</summary>
    public string? CurrentElementId { get; set; }

    /// <summary>Set by a terminate end event at process level: the instance ends as terminated.</summary>
    public bool ProcessTerminated { get; set; }

    public void Emit(Effect effect) => Effects.Add(effect);

    public void Journal(JournalKind kind, string? elementId, string? detail = null, JsonObject? data = null) =>
        Effects.Add(new JournalEntry(kind, elementId, Actor, detail, data));

    public Token NewToken(string elementId, int scopeId)
    {
        var token = new Token { Id = State.TakeId(), ElementId = elementId, ScopeId = scopeId, EnteredAt = Now };
        State.Tokens.Add(token);
        return token;
    }

    /// <summary>Marks the token ready to enter its element; the step loop will move it.</summary>
    public void MakeReady(Token token)
    {
        token.Phase = TokenPhase.Ready;
        token.Wait = WaitKind.None;
        token.TaskId = null;
        token.EnteredAt = Now;
        ready.Enqueue(token);
    }

    public bool TryTakeReady(out Token token)
    {
        while (ready.TryDequeue(out token!))
        {
            // A queued token may have been cancelled or moved on since (an interrupting boundary, a terminate end).
            if (token.Phase == TokenPhase.Ready && State.Tokens.Contains(token))
            {
                if (++entries > MaxEntriesPerStep)
                    throw new StepFailure(IncidentCodes.EndlessLoop, token.ElementId,
                        $"More than {MaxEntriesPerStep} elements were entered in one step: the process loops without a wait state.");
                return true;
            }
        }
        return false;
    }

    public Token? FindToken(int id)
    {
        foreach (var token in State.Tokens)
            if (token.Id == id) return token;
        return null;
    }

    public ScopeInstance Scope(int id) => FindScope(id) ?? throw new InvalidOperationException($"Scope {id} does not exist.");

    private ScopeInstance? FindScope(int id)
    {
        foreach (var scope in State.Scopes)
            if (scope.Id == id) return scope;
        return null;
    }

    public FlowNode NodeOf(Token token) => Definition.Node(token.ElementId);

    public TokenVariables VariablesOf(Token token, JsonObject? overlay = null) => new(this, token.ScopeId, overlay);

    public TokenVariables VariablesOfScope(int scopeId, JsonObject? overlay = null) => new(this, scopeId, overlay);

    /// <summary>
    /// Instance variables written in this step, applied to the instance's map only when the step succeeds: the map
    /// itself is never copied (it can be large; most steps write a few entries), and an incident leaves it untouched.
    /// </summary>
    public Dictionary<string, JsonNode?> PendingVariables { get; } = new(StringComparer.Ordinal);

    /// <summary>Sets a variable where it is defined: the nearest scope whose locals hold it, else the instance.</summary>
    public void SetVariable(int scopeId, string name, JsonNode? value)
    {
        for (var scope = FindScope(scopeId); scope is not null; scope = scope.ParentScopeId is { } parent ? FindScope(parent) : null)
        {
            if (scope.Locals is { } locals && locals.ContainsKey(name))
            {
                locals[name] = value?.DeepClone();
                return;
            }
        }
        PendingVariables[name] = value?.DeepClone();
    }

    /// <summary>The step succeeded: its instance variable writes go into the map the new state shares with the given one.</summary>
    public void CommitVariables()
    {
        foreach (var (name, value) in PendingVariables) State.Variables[name] = value;
        PendingVariables.Clear();
    }

    /// <summary>Sets every entry of <paramref name="values"/> and journals what changed.</summary>
    public void SetVariables(int scopeId, string elementId, JsonObject values)
    {
        if (values.Count == 0) return;
        foreach (var (name, value) in values) SetVariable(scopeId, name, value);
        // The variables got copies; the journal line keeps the object itself (effects are read, never changed).
        Journal(JournalKind.VariablesChanged, elementId, data: values);
    }
}
