using System.Collections.Concurrent;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// Prepared sources by their text, expressions and scripts apart (the same text compiles differently as
/// each). Bounded: when full it starts over, which costs one re-preparation per source still in use.
/// </summary>
internal sealed class SourceCache(int capacity)
{
    private readonly ConcurrentDictionary<string, CompiledSource> _expressions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CompiledSource> _scripts = new(StringComparer.Ordinal);

    public int Count => _expressions.Count + _scripts.Count;

    public CompiledSource Expression(string text) => GetOrCompile(_expressions, text, SourceCompiler.Expression);

    public CompiledSource Script(string text) => GetOrCompile(_scripts, text, SourceCompiler.Script);

    private CompiledSource GetOrCompile(
        ConcurrentDictionary<string, CompiledSource> cache, string text, Func<string, CompiledSource> compile)
    {
        if (cache.TryGetValue(text, out var compiled)) return compiled;
        compiled = compile(text);
        // Count takes every lock of the dictionary, so it is read only here, on a miss.
        if (cache.Count >= capacity) cache.Clear();
        return cache.GetOrAdd(text, compiled);
    }
}
