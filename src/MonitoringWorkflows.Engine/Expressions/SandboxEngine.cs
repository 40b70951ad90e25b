using System.Globalization;
using System.Text.Json.Nodes;
using Jint;
using JintEngine = Jint.Engine;
using Jint.Native;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// One Jint engine with the sandbox's limits and locked-down built-ins. The variables a source names are
/// defined on the global object before it runs; any other is found through the global object's prototype
/// (<see cref="GlobalVariables"/>). After every evaluation, failed or not, the globals are restored to the
/// snapshot taken when the engine was built, so nothing one evaluation assigns is seen by the next. Not
/// thread-safe: the pool gives it to one caller at a time.
/// </summary>
internal sealed class SandboxEngine : IDisposable
{
    private readonly JintEngine _engine;
    private readonly GlobalVariables _variables;
    private readonly GlobalSnapshot _clean;
    private readonly BuiltIns _builtIns;

    public SandboxEngine(ExpressionLimits limits)
    {
        _engine = new JintEngine(options => Configure(options, limits));
        BuiltInLockdown.Apply(_engine);
        _variables = new GlobalVariables(_engine);
        _engine.Global.Prototype = _variables;
        _builtIns = BuiltIns.Of(_engine.Global);
        _clean = _engine.Advanced.CaptureGlobalSnapshot();
    }

    /// <summary>False once the engine could not be reset; it is then dropped, not pooled.</summary>
    public bool IsReusable { get; private set; } = true;

    public JsonNode? Evaluate(CompiledSource source, IVariableScope variables)
    {
        try
        {
            Begin(source, variables);
            var value = _engine.Evaluate(source.Prepared);
            if (value.IsUndefined()) return null;
            return JsToJson.TryConvert(value, out var node) ? node : throw ExpressionErrors.NotJson(source, value);
        }
        finally
        {
            Reset(source);
        }
    }

    public bool EvaluateCondition(CompiledSource source, IVariableScope variables)
    {
        try
        {
            Begin(source, variables);
            var value = _engine.Evaluate(source.Prepared);
            return value.IsBoolean() ? value.AsBoolean() : throw ExpressionErrors.NotBoolean(source, value);
        }
        finally
        {
            Reset(source);
        }
    }

    public IReadOnlyDictionary<string, JsonNode?> RunScript(CompiledSource source, IVariableScope variables)
    {
        try
        {
            Begin(source, variables);
            DeclareTopLevelNames(source);
            _engine.Execute(source.Prepared);
            return ScriptAssignments.Collect(_engine, source, _variables, _builtIns);
        }
        finally
        {
            Reset(source);
        }
    }

    public void Dispose() => _engine.Dispose();

    // The variables the source names are defined on the global object itself, where Jint finds a global
    // fastest; the prototype is left for names reached only at run time (globalThis[name]).
    private void Begin(CompiledSource source, IVariableScope variables)
    {
        _variables.Bind(variables);
        var global = _engine.Global;
        foreach (var name in source.VariableNames(_builtIns.Names))
        {
            if (_variables.TryMaterialize(name, out var value)) global.FastSetDataProperty(name, value);
        }
    }

    // What Begin defined, for an expression that changed nothing else: cheaper than restoring every global.
    private void UndefineVariables(CompiledSource source)
    {
        var global = _engine.Global;
        foreach (var name in source.VariableNames(_builtIns.Names))
        {
            if (_variables.Seen.TryGetValue(name, out var seen) && seen.Exists) global.RemoveOwnProperty(name);
        }
    }

    // `var total = total + 1` must read the variable: a var declaration of a name the global object does
    // not have would define it holding undefined first (that is the language's rule).
    // And `level = 'high'` must create a variable, which strict mode refuses for a name that does not
    // exist yet: such names are made to exist, undefined until the script assigns them.
    private void DeclareTopLevelNames(CompiledSource source)
    {
        var global = _engine.Global;
        foreach (var name in source.Names.VarNames)
        {
            if (_builtIns.Names.Contains(name) || !_variables.TryMaterialize(name, out var value)) continue;
            global.FastSetDataProperty(name, value);
        }
        foreach (var name in source.Names.AssignedNames)
        {
            if (_builtIns.Names.Contains(name) || _variables.TryMaterialize(name, out _)) continue;
            global.FastSetDataProperty(name, JsValue.Undefined);
        }
    }

    private void Reset(CompiledSource source)
    {
        if (source.IsReadOnly)
        {
            UndefineVariables(source);
            _variables.Reset();
            return;
        }
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
