using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MonitoringWorkflows.Engine.Expressions;

namespace MonitoringWorkflows.Engine.Tests.Conformance;

/// <summary>
/// TEST-ONLY. Not a feature of the engine, and never to be used outside these tests.
/// <para>
/// The processes in <c>../shared/conformance/bpmn-engine/</c> come from the test suite of the JavaScript engine
/// paed01/bpmn-engine and are written in its expression dialect: <c>${variables.x}</c> templates, scripts that read
/// and change <c>this.variables</c> / <c>environment.variables</c>, call <c>next()</c> when done or <c>next(error)</c>
/// to fail, and conditions that answer through <c>next(null, value)</c>. Our own language is plain JavaScript over
/// the variables. This decorator translates that dialect into our language around the real
/// <see cref="JintExpressionEvaluator"/> only so that those third-party files can exercise our executor's token
/// semantics (joins, boundaries, loops, multi-instance); the sandbox itself is not changed or bypassed.
/// </para>
/// Translation: <c>${expr}</c> becomes <c>(expr)</c>; the code runs inside a function whose <c>this</c> holds
/// <c>variables</c>, <c>environment.variables</c> (one object with every visible variable) and <c>services</c> (an
/// object literal the test supplies, as bpmn-engine tests pass services to the engine); conditions count as true
/// when truthy, as bpmn-engine counts them. A script must call <c>next()</c>: <c>next(error)</c> throws the error,
/// and a script that never calls it fails, since bpmn-engine would leave its task waiting for ever and our scripts
/// are synchronous. What a script changed in <c>variables</c> comes back as the variables it assigned.
/// </summary>
internal sealed partial class BpmnEngineDialect(IExpressionEvaluator inner, string services = "{}") : IExpressionEvaluator
{
    private const string VariablesName = "variables";

    // The scope the translated code runs in; {body} is the translated source, {services} the test's services.
    private const string Prelude = """
        var services = ({services});
        var environment = { variables: variables, services: services };
        var self = { variables: variables, environment: environment, services: services };
        """;

    private const string ExpressionTemplate = """
        (function () {
        {prelude}
        return (function (environment, services) { return ({body}
        ); }).call(self, environment, services);
        })()
        """;

    private const string CallbackConditionTemplate = """
        (function () {
        {prelude}
        var answered = false, answer;
        var next = function (error, value) { if (error) throw error; answered = true; answer = value; };
        (function (next, environment, services) { {body}
        }).call(self, next, environment, services);
        if (!answered) throw new Error('The condition never called next(error, value).');
        return !!answer;
        })()
        """;

    private const string ScriptTemplate = """
        (function () {
        {prelude}
        var called = false;
        var next = function (error) { if (error) throw error; called = true; };
        (function (next, environment, services) { {body}
        }).call(self, next, environment, services);
        if (!called) throw new Error('The script never called next(): bpmn-engine would leave its task waiting for ever, and scripts here are synchronous.');
        })();
        """;

    public JsonNode? Evaluate(string expression, IVariableScope variables) =>
        inner.Evaluate(TranslateExpression(expression), new DialectScope(variables));

    public bool EvaluateCondition(string expression, IVariableScope variables) =>
        inner.EvaluateCondition(TranslateCondition(expression), new DialectScope(variables));

    public IReadOnlyDictionary<string, JsonNode?> RunScript(string script, IVariableScope variables)
    {
        var scope = new DialectScope(variables);
        var assigned = inner.RunScript(TranslateScript(script), scope);
        return assigned.TryGetValue(VariablesName, out var after) && after is JsonObject changed
            ? Changes(scope.Snapshot, changed)
            : new Dictionary<string, JsonNode?>();
    }

    public string? CheckSyntax(string source, bool isScript = false) =>
        inner.CheckSyntax(isScript ? TranslateScript(source) : TranslateCondition(source), isScript);

    internal string TranslateExpression(string source) => Fill(ExpressionTemplate, Body(source));

    internal string TranslateCondition(string source)
    {
        var body = Body(source);
        return UsesNext().IsMatch(body) ? Fill(CallbackConditionTemplate, body) : Fill(ExpressionTemplate, $"!!({body})");
    }

    internal string TranslateScript(string source) => Fill(ScriptTemplate, Templates(source));

    private string Fill(string template, string body) =>
        template.Replace("{prelude}", Prelude.Replace("{services}", services)).Replace("{body}", body);

    /// <summary>An expression's or condition's text: templates replaced, and no trailing semicolon.</summary>
    private static string Body(string source) => Templates(source).Trim().TrimEnd(';').Trim();

    /// <summary>Replaces every <c>${expr}</c> by <c>(expr)</c>, braces inside <c>expr</c> included.</summary>
    private static string Templates(string source)
    {
        var result = new StringBuilder(source.Length);
        var i = 0;
        while (i < source.Length)
        {
            var start = source.IndexOf("${", i, StringComparison.Ordinal);
            var end = start < 0 ? -1 : MatchingBrace(source, start + 1);
            if (end < 0)
            {
                result.Append(source, i, source.Length - i);
                break;
            }
            result.Append(source, i, start - i).Append('(').Append(source, start + 2, end - start - 2).Append(')');
            i = end + 1;
        }
        return result.ToString();
    }

    private static int MatchingBrace(string source, int open)
    {
        var depth = 0;
        for (var i = open; i < source.Length; i++)
        {
            if (source[i] == '{') depth++;
            else if (source[i] == '}' && --depth == 0) return i;
        }
        return -1;
    }

    private static Dictionary<string, JsonNode?> Changes(JsonObject before, JsonObject after)
    {
        var changes = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in after)
            if (!before.TryGetPropertyValue(name, out var old) || !JsonNode.DeepEquals(old, value)) changes[name] = value?.DeepClone();
        foreach (var (name, _) in before)
            if (!after.ContainsKey(name)) changes[name] = null;
        return changes;
    }

    [GeneratedRegex(@"(?<![\w$.])next\s*\(")]
    private static partial Regex UsesNext();

    /// <summary>The variables as they are, plus <c>variables</c>: one object holding every visible variable.</summary>
    private sealed class DialectScope(IVariableScope variables) : IVariableScope
    {
        private JsonObject? snapshot;

        public JsonObject Snapshot => snapshot ??= Collect();

        public bool TryGet(string name, out JsonNode? value)
        {
            if (name == VariablesName)
            {
                value = Snapshot;
                return true;
            }
            return variables.TryGet(name, out value);
        }

        public IEnumerable<string> Names => variables.Names.Append(VariablesName).Distinct(StringComparer.Ordinal);

        private JsonObject Collect()
        {
            var all = new JsonObject();
            foreach (var name in variables.Names)
                if (name != VariablesName && variables.TryGet(name, out var value)) all[name] = value?.DeepClone();
            return all;
        }
    }
}
