using System.Text.Json.Nodes;
using Jint;
using Jint.Runtime;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// Evaluates JavaScript with Jint in a sandbox: strict mode; statement, memory, recursion and time limits;
/// no CLR access, no <c>eval</c>; built-ins frozen; globals reset after every evaluation. Sources are
/// prepared once and cached by their text; engines are pooled, one per concurrent call. Only the variables
/// a source names (or reaches by a computed name) are converted to JavaScript, once per evaluation.
/// Thread-safe; meant to be shared.
/// </summary>
public sealed class JintExpressionEvaluator : IExpressionEvaluator
{
    private readonly ExpressionLimits _limits;
    private readonly EnginePool _engines;

    public JintExpressionEvaluator(ExpressionLimits? limits = null)
    {
        _limits = limits ?? ExpressionLimits.Default;
        Cache = new SourceCache(_limits.PreparedCacheSize);
        _engines = new EnginePool(_limits);
    }

    internal SourceCache Cache { get; }

    internal EnginePool Engines => _engines;

    public JsonNode? Evaluate(string expression, IVariableScope variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var source = Cache.Expression(expression);
        // Literal mappings (mw:input source="=14") are common; their value is worked out once.
        if (source.TryGetConstant(out var constant)) return constant;
        var value = Run(source, variables, static (engine, source, scope) => engine.Evaluate(source, scope));
        source.RememberConstant(value);
        return value;
    }

    public bool EvaluateCondition(string expression, IVariableScope variables) =>
        Run(Cache.Expression(expression), variables,
            static (engine, source, scope) => engine.EvaluateCondition(source, scope));

    public IReadOnlyDictionary<string, JsonNode?> RunScript(string script, IVariableScope variables) =>
        Run(Cache.Script(script), variables, static (engine, source, scope) => engine.RunScript(source, scope));

    public string? CheckSyntax(string source, bool isScript = false) =>
        (isScript ? Cache.Script(source) : Cache.Expression(source)).SyntaxError;

    private T Run<T>(
        CompiledSource source,
        IVariableScope variables,
        Func<SandboxEngine, CompiledSource, IVariableScope, T> evaluate)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (source.SyntaxError is not null) throw ExpressionErrors.SyntaxError(source);

        var engine = _engines.Rent();
        var reusable = false;
        try
        {
            var result = evaluate(engine, source, variables);
            reusable = true;
            return result;
        }
        catch (ExpressionException)
        {
            reusable = true;
            throw;
        }
        catch (Exception error) when (error is JintException or TimeoutException)
        {
            // A script's own error leaves the engine sound; one stopped by a limit is replaced.
            reusable = error is JavaScriptException;
            throw ExpressionErrors.FromJint(error, source, _limits);
        }
        finally
        {
            if (reusable) _engines.Return(engine);
            else engine.Dispose();
        }
    }
}
