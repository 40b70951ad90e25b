using System.Text.Json.Nodes;
using Acornima.Ast;
using Jint;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// An expression or script prepared once (parsed and analysed by Jint) and shared by every engine and
/// thread, or the reason it does not parse.
/// </summary>
internal sealed class CompiledSource
{
    private CompiledSource(string text, bool isScript, Prepared<Script> prepared, string? syntaxError)
    {
        Text = text;
        IsScript = isScript;
        Prepared = prepared;
        SyntaxError = syntaxError;
        FreeNames = prepared.ReferencedGlobals?.ToArray() ?? [];
    }

    public string Text { get; }

    public bool IsScript { get; }

    public Prepared<Script> Prepared { get; }

    /// <summary>Null when the source parsed.</summary>
    public string? SyntaxError { get; }

    /// <summary>
    /// The names the source uses without declaring them: built-ins and the variables it can read, which are
    /// defined on the global object before it runs.
    /// </summary>
    public IReadOnlyList<string> FreeNames { get; }

    private string[]? _variableNames;

    /// <summary>
    /// The free names that are not built-ins: the variables the source reads by name. Worked out on first
    /// use; every engine has the same built-ins, so whichever engine asks first gets the answer for all.
    /// </summary>
    public string[] VariableNames(HashSet<string> builtInNames)
    {
        if (Volatile.Read(ref _variableNames) is { } names) return names;
        Interlocked.CompareExchange(ref _variableNames, FreeNames.Where(name => !builtInNames.Contains(name)).ToArray(), null);
        return _variableNames!;
    }

    /// <summary>For a script, the names it declares or assigns at its top level.</summary>
    public ScriptNames Names { get; private init; } = ScriptNames.Empty;

    /// <summary>For a script with top-level let or const, an expression that reads them all, in order, as an array.</summary>
    public Prepared<Script>? LexicalReader { get; private init; }

    public string Kind => IsScript ? "script" : "expression";

    /// <summary>Columns the compiled text adds in front of the first line (an expression's opening parenthesis).</summary>
    public int ColumnShift => IsScript ? 0 : 1;

    /// <summary>An expression that can change nothing but the variables defined for it (see <see cref="ReadOnlyExpression"/>).</summary>
    public bool IsReadOnly { get; private init; }

    /// <summary>
    /// A read-only expression that names nothing, not even a built-in (<c>14</c>, <c>'Police'</c>,
    /// <c>{ days: 3 }</c>): it gives the same JSON every time.
    /// </summary>
    public bool IsConstant => IsReadOnly && FreeNames.Count == 0;

    private JsonNode?[]? _constant;

    /// <summary>A constant expression's value once it has been worked out (a copy each time), or false.</summary>
    public bool TryGetConstant(out JsonNode? value)
    {
        var held = Volatile.Read(ref _constant);
        value = held?[0]?.DeepClone();
        return held is not null;
    }

    public void RememberConstant(JsonNode? value)
    {
        if (IsConstant) Volatile.Write(ref _constant, [value?.DeepClone()]);
    }

    public static CompiledSource Expression(string text, Prepared<Script> prepared) =>
        new(text, false, prepared, null) { IsReadOnly = ReadOnlyExpression.Is(prepared.Program!) };

    public static CompiledSource Script(string text, Prepared<Script> prepared, Func<IReadOnlyList<string>, Prepared<Script>?> prepareReader)
    {
        var names = ScriptNames.Of(prepared.Program!, prepared.ReferencedGlobals!.ToHashSet(StringComparer.Ordinal));
        return new(text, true, prepared, null) { Names = names, LexicalReader = prepareReader(names.LexicalNames) };
    }

    public static CompiledSource Invalid(string text, bool isScript, string error) => new(text, isScript, default, error);
}
