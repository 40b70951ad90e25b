using System.Globalization;
using System.Text.Json.Nodes;
using Jint;
using JintEngine = Jint.Engine;
using Jint.Native;
using Jint.Runtime;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// One Jint engine with the sandbox's limits and locked-down built-ins. Variables reach it through the
/// global object's prototype (<see cref="GlobalVariables"/>); after every evaluation, failed or not, the
/// globals are restored to the snapshot taken when the engine was built, so nothing one evaluation
/// assigns is seen by the next. Not thread-safe: the pool gives it to one caller at a time.
/// </summary>
internal sealed class SandboxEngine : IDisposable
{
    private readonly JintEngine _engine;
    private readonly GlobalVariables _variables;
    private readonly GlobalSnapshot _clean;
    private readonly HashSet<string> _builtInNames;

    public SandboxEngine(ExpressionLimits limits)
    {
        _engine = new JintEngine(options => Configure(options, limits));
        BuiltInLockdown.Apply(_engine);
        _variables = new GlobalVariables(_engine);
        _engine.Global.Prototype = _variables;
        _builtInNames = _engine.Global.GetOwnPropertyKeys(Types.String)
            .Select(key => key.ToString()).ToHashSet(StringComparer.Ordinal);
        _clean = _engine.Advanced.CaptureGlobalSnapshot();
    }

    /// <summary>False once the engine could not be reset; it is then dropped, not pooled.</summary>
    public bool IsReusable { get; private set; } = true;

    public JsonNode? Evaluate(CompiledSource source, IVariableScope variables)
    {
        _variables.Bind(variables);
        try
        {
            var value = _engine.Evaluate(source.Prepared);
            if (value.IsUndefined()) return null;
            return JsToJson.TryConvert(value, out var node) ? node : throw ExpressionErrors.NotJson(source, value);
        }
        finally
        {
            Reset();
        }
    }

    public bool EvaluateCondition(CompiledSource source, IVariableScope variables)
    {
        _variables.Bind(variables);
        try
        {
            var value = _engine.Evaluate(source.Prepared);
            return value.IsBoolean() ? value.AsBoolean() : throw ExpressionErrors.NotBoolean(source, value);
        }
        finally
        {
            Reset();
        }
    }

    public IReadOnlyDictionary<string, JsonNode?> RunScript(CompiledSource source, IVariableScope variables)
    {
        _variables.Bind(variables);
        try
        {
            DeclareTopLevelNames(source, variables);
            _engine.Execute(source.Prepared);
            return ScriptAssignments.Collect(variables, _variables.Touched, ReadCandidates(source));
        }
        finally
        {
            Reset();
        }
    }

    public void Dispose() => _engine.Dispose();

    // `var total = total + 1` must read the variable: a var declaration of a name that only the prototype
    // has would define an own global property holding undefined first (that is the language's rule).
    // And `level = 'high'` must create a variable, which strict mode refuses for a name that does not
    // exist yet: such names are made to exist, undefined until the script assigns them.
    private void DeclareTopLevelNames(CompiledSource source, IVariableScope variables)
    {
        foreach (var name in source.Names.VarNames)
        {
            if (_builtInNames.Contains(name) || !variables.TryGet(name, out var value)) continue;
            _engine.Global.FastSetDataProperty(name, JsonToJs.Convert(_engine, value));
        }
        foreach (var name in source.Names.AssignedNames)
        {
            if (_builtInNames.Contains(name) || variables.TryGet(name, out _)) continue;
            _engine.Global.FastSetDataProperty(name, JsValue.Undefined);
        }
    }

    // Every top-level name the script may have set: its let/const, the globals it added, the variables it
    // touched (it may have changed them in place), each with its value now.
    private IEnumerable<(string Name, JsValue Value)> ReadCandidates(CompiledSource source)
    {
        foreach (var name in source.Names.LexicalNames) yield return (name, _engine.Evaluate(name));
        var global = _engine.Global;
        foreach (var key in global.GetOwnPropertyKeys(Types.String))
        {
            var name = key.ToString();
            if (!_builtInNames.Contains(name)) yield return (name, global.Get(name));
        }
        foreach (var name in _variables.Touched.Keys.ToList()) yield return (name, global.Get(name));
    }

    private void Reset()
    {
        _variables.Reset();
        try
        {
            _engine.Advanced.RestoreGlobalSnapshot(_clean);
        }
        catch (InvalidOperationException)
        {
            // Jint refuses to restore while it believes an evaluation is still running (a limit stopped
            // one mid-way in a state it did not unwind). Such an engine is not trusted again.
            IsReusable = false;
        }
    }

    private static void Configure(Options options, ExpressionLimits limits)
    {
        options.Strict = true;
        options.MaxStatements(limits.MaxStatements);
        options.LimitMemory(limits.MaxAllocatedBytes);
        options.LimitRecursion(limits.MaxRecursionDepth);
        options.TimeoutInterval(limits.Timeout);
        options.Constraints.MaxArraySize = limits.MaxArrayLength;
        options.Constraints.RegexTimeout = limits.RegexTimeout;
        options.Constraints.StackOverflowGuard = true;
        options.Host.StringCompilationAllowed = false; // no eval, no new Function
        options.Interop.Enabled = false; // no CLR: importNamespace, System and clr do not exist
        options.Culture = CultureInfo.InvariantCulture;
        options.TimeZone = TimeZoneInfo.Utc;
    }
}
