using System.Diagnostics;
using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Expressions;

namespace MonitoringWorkflows.Bench.InMemory;

/// <summary>Wraps the evaluator to count its calls and the time spent in them, by kind (for the engine profile).</summary>
internal sealed class TimedEvaluator(IExpressionEvaluator inner) : IExpressionEvaluator
{
    public CallTally Expressions { get; } = new();
    public CallTally Conditions { get; } = new();
    public CallTally Scripts { get; } = new();

    /// <summary>The same tallies by source text: which expression or script the time goes to.</summary>
    public Dictionary<string, CallTally> BySource { get; } = new(StringComparer.Ordinal);

    public JsonNode? Evaluate(string expression, IVariableScope variables)
    {
        var (started, allocated) = CallTally.Start();
        try { return inner.Evaluate(expression, variables); }
        finally { Expressions.Add(started, allocated); Source(expression).Add(started, allocated); }
    }

    public bool EvaluateCondition(string expression, IVariableScope variables)
    {
        var (started, allocated) = CallTally.Start();
        try { return inner.EvaluateCondition(expression, variables); }
        finally { Conditions.Add(started, allocated); Source(expression).Add(started, allocated); }
    }

    public IReadOnlyDictionary<string, JsonNode?> RunScript(string script, IVariableScope variables)
    {
        var (started, allocated) = CallTally.Start();
        try { return inner.RunScript(script, variables); }
        finally { Scripts.Add(started, allocated); Source(script).Add(started, allocated); }
    }

    public string? CheckSyntax(string source, bool isScript = false) => inner.CheckSyntax(source, isScript);

    private CallTally Source(string text)
    {
        if (!BySource.TryGetValue(text, out var tally)) BySource[text] = tally = new CallTally();
        return tally;
    }

    public void Reset()
    {
        BySource.Clear();
        Expressions.Reset();
        Conditions.Reset();
        Scripts.Reset();
    }
}

/// <summary>How many calls, how long they took and what they allocated, in all.</summary>
internal sealed class CallTally
{
    public long Calls { get; private set; }
    public long Ticks { get; private set; }
    public long Bytes { get; private set; }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Ticks);

    public static (long Started, long Allocated) Start() => (Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());

    public void Add(long started, long allocated)
    {
        Ticks += Stopwatch.GetTimestamp() - started;
        Bytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
        Calls++;
    }

    public void Reset() => (Calls, Ticks, Bytes) = (0, 0, 0);
}
