using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Expressions;

namespace MonitoringWorkflows.Engine.Tests.Conformance.Execution;

/// <summary>The test-only adapter for bpmn-engine's expression dialect, so that what the corpus runs on is itself tested.</summary>
public class BpmnEngineDialectTests
{
    private static readonly BpmnEngineDialect Dialect = new(new JintExpressionEvaluator(), "{ double: function (x) { return 2 * x; } }");

    private static VariableScope Variables(string json) => VariableScope.FromJson(json);

    [Theory]
    [InlineData("${variables.takeJoin1}", """{"takeJoin1": true}""", true)]
    [InlineData("${variables.takeJoin1}", """{"takeJoin1": false}""", false)]
    [InlineData("${variables.takeJoin1}", "{}", false)]
    [InlineData("this.variables.input <= 50", """{"input": 50}""", true)]
    [InlineData("this.variables.input <= 50", """{"input": 51}""", false)]
    [InlineData("${environment.variables.level === 'high'}", """{"level": "high"}""", true)]
    [InlineData("next(null, !environment.variables.stopLoop);", """{"stopLoop": true}""", false)]
    [InlineData("next(null, this.environment.services.double(variables.n) === 4);", """{"n": 2}""", true)]
    [InlineData("score >= 14", """{"score": 15}""", true)]
    public void EvaluateCondition_InTheDialect_GivesItsTruthValue(string condition, string variables, bool expected)
    {
        Assert.Equal(expected, Dialect.EvaluateCondition(condition, Variables(variables)));
    }

    [Fact]
    public void Evaluate_Template_GivesTheValueInside()
    {
        Assert.Equal(3, Dialect.Evaluate("${variables.list.length}", Variables("""{"list": [1, 2, 3]}"""))!.GetValue<int>());
    }

    [Fact]
    public void RunScript_ChangesToVariables_ComeBackAsAssignedAndLocalsDoNot()
    {
        var assigned = Dialect.RunScript("var local = 5; variables.input += 1; this.variables.added = 'yes'; next();",
            Variables("""{"input": 1, "other": 7}"""));

        Assert.Equal(["added", "input"], assigned.Keys.Order());
        Assert.Equal(2, assigned["input"]!.GetValue<int>());
        Assert.Equal("yes", assigned["added"]!.GetValue<string>());
    }

    [Fact]
    public void RunScript_NextWithAnError_FailsWithTheErrorsMessage()
    {
        var error = Assert.Throws<ExpressionException>(() =>
            Dialect.RunScript("next(new Error('Input is missing'));", Variables("{}")));

        Assert.Equal("EXPR002", error.Code);
        Assert.Contains("Input is missing", error.Message);
    }

    [Fact]
    public void RunScript_NeverCallingNext_Fails()
    {
        var error = Assert.Throws<ExpressionException>(() => Dialect.RunScript("variables.x = 1;", Variables("{}")));

        Assert.Contains("never called next()", error.Message);
    }

    [Theory]
    [InlineData("${variables.takeJoin1}", false)]
    [InlineData("next(null, this.variables.ok);", false)]
    [InlineData("this.variables.input++;\nnext()", true)]
    public void CheckSyntax_DialectSources_Parse(string source, bool isScript)
    {
        Assert.Null(Dialect.CheckSyntax(source, isScript));
    }
}
