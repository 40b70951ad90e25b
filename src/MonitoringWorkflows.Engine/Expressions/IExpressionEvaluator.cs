using System.Text.Json.Nodes;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>The variables an expression can see: the instance's, overlaid by the locals of enclosing scopes.</summary>
public interface IVariableScope
{
    bool TryGet(string name, out JsonNode? value);

    /// <summary>Every visible name (innermost definition wins).</summary>
    IEnumerable<string> Names { get; }
}

/// <summary>
/// Evaluates JavaScript expressions and scripts over process variables in a sandbox. Implementations are
/// thread-safe. Failures (syntax, runtime, limits) throw <see cref="ExpressionException"/>.
/// </summary>
public interface IExpressionEvaluator
{
    /// <summary>
    /// Evaluates an expression (<c>score &gt;= 14</c>, <c>agencies.length</c>) and returns its value as JSON: a new node
    /// that the caller owns (never one of the variables' own nodes).
    /// </summary>
    JsonNode? Evaluate(string expression, IVariableScope variables);

    /// <summary>Evaluates a condition; anything but a boolean result is an error, not "false".</summary>
    bool EvaluateCondition(string expression, IVariableScope variables);

    /// <summary>
    /// Runs a script with the variables as globals and returns the variables it assigned (new or changed
    /// top-level names), as JSON. Nothing is kept when the script fails.
    /// </summary>
    IReadOnlyDictionary<string, JsonNode?> RunScript(string script, IVariableScope variables);

    /// <summary>Checks that an expression (or a script, when <paramref name="isScript"/>) parses; returns the error, or null.</summary>
    string? CheckSyntax(string source, bool isScript = false);
}

/// <summary>An expression or script that failed: it did not parse, threw, or went over a sandbox limit.</summary>
public sealed class ExpressionException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary><c>EXPR001</c> syntax, <c>EXPR002</c> runtime error, <c>EXPR003</c> limit exceeded, <c>EXPR004</c> wrong result type.</summary>
    public string Code { get; } = code;
}
