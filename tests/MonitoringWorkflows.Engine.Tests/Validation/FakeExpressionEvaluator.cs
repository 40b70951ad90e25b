using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Expressions;

namespace MonitoringWorkflows.Engine.Tests.Validation;

/// <summary>
/// Stands in for the Jint evaluator in validator tests: an expression "parses" unless its brackets are unbalanced
/// or it uses the ${…} template syntax of other engines. It also records what it was asked to check.
/// </summary>
internal sealed class FakeExpressionEvaluator : IExpressionEvaluator
{
    public List<(string Source, bool IsScript)> Checked { get; } = [];

    public string? CheckSyntax(string source, bool isScript = false)
    {
        Checked.Add((source, isScript));
        if (source.Contains("${", StringComparison.Ordinal)) return "Unexpected token '{'";
        var depth = 0;
        foreach (var c in source)
        {
            depth += c switch { '(' or '[' or '{' => 1, ')' or ']' or '}' => -1, _ => 0 };
            if (depth < 0) return "Unexpected token ')'";
        }
        return depth == 0 ? null : "Unexpected end of input";
    }

    public JsonNode? Evaluate(string expression, IVariableScope variables) => throw new NotSupportedException("The validator only checks syntax.");

    public bool EvaluateCondition(string expression, IVariableScope variables) => throw new NotSupportedException("The validator only checks syntax.");

    public IReadOnlyDictionary<string, JsonNode?> RunScript(string script, IVariableScope variables) => throw new NotSupportedException("The validator only checks syntax.");
}
