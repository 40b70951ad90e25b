using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Expressions;

namespace MonitoringWorkflows.Engine.Tests.Expressions;

public class ExpressionEvaluationTests
{
    private static readonly JintExpressionEvaluator Evaluator = new();

    private static readonly VariableScope Case = VariableScope.FromJson("""
        { "score": 15, "agency": "Police", "urgent": false, "child": { "age": 9 },
          "agencies": ["Police", "Health"], "note": null }
        """);

    [Theory]
    [InlineData("score >= 14", true)]
    [InlineData("score >= 14 && agency === 'Police'", true)]
    [InlineData("urgent", false)]
    [InlineData("child.age < 18 && agencies.includes('Health')", true)]
    [InlineData("note === null", true)]
    [InlineData("agencies.length > 2", false)]
    public void EvaluateCondition_OverVariables_ReturnsTheBoolean(string condition, bool expected)
    {
        Assert.Equal(expected, Evaluator.EvaluateCondition(condition, Case));
    }

    [Fact]
    public void EvaluateCondition_StringResult_ThrowsExpr004SayingWhatItReturned()
    {
        var error = Assert.Throws<ExpressionException>(() => Evaluator.EvaluateCondition("agency", Case));

        Assert.Equal("EXPR004", error.Code);
        Assert.Contains("condition 'agency' returned a string, expected true or false", error.Message);
    }

    [Fact]
    public void EvaluateCondition_UnknownVariable_ThrowsExpr002WithTheReferenceError()
    {
        var error = Assert.Throws<ExpressionException>(() => Evaluator.EvaluateCondition("risk > 3", Case));

        Assert.Equal("EXPR002", error.Code);
        Assert.Contains("ReferenceError: risk is not defined", error.Message);
    }

    [Fact]
    public void Evaluate_TypeError_ThrowsExpr002WithTheJavaScriptMessageAndPosition()
    {
        var error = Assert.Throws<ExpressionException>(() => Evaluator.Evaluate("score + note.length", Case));

        Assert.Equal("EXPR002", error.Code);
        Assert.Contains("TypeError: Cannot read properties of null (reading 'length')", error.Message);
        Assert.Contains("(line 1, column 14)", error.Message);
    }

    [Theory]
    [InlineData("score >= ", 1, 10)]
    [InlineData("a +* b", 1, 4)]
    [InlineData("a; b", 1, 2)]
    [InlineData("1); while (true) {} (1", 1, 2)]
    public void Evaluate_SyntaxError_ThrowsExpr001NamingThePosition(string expression, int line, int column)
    {
        var error = Assert.Throws<ExpressionException>(() => Evaluator.Evaluate(expression, Case));

        Assert.Equal("EXPR001", error.Code);
        Assert.Contains($"at line {line}, column {column}", error.Message);
    }

    [Fact]
    public void Evaluate_ObjectLiteral_IsAnObjectNotABlock()
    {
        var result = Evaluator.Evaluate("{ level: score > 10 ? 'high' : 'low' }", Case);

        Assert.Equal("""{"level":"high"}""", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_ArraysAndObjects_RoundTripAsJson()
    {
        var result = Evaluator.Evaluate("({ child, agencies, more: agencies.map(a => a.toUpperCase()), n: 0.5 })", Case);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"child":{"age":9},"agencies":["Police","Health"],"more":["POLICE","HEALTH"],"n":0.5}
            """), result));
    }

    [Fact]
    public void Evaluate_Undefined_ReturnsNull()
    {
        Assert.Null(Evaluator.Evaluate("child.name", Case));
    }

    [Fact]
    public void Evaluate_Number_ReadsAsAnyNumericTypeLikeStoredJson()
    {
        var whole = Evaluator.Evaluate("score * 2", Case)!;
        var fraction = Evaluator.Evaluate("score / 4", Case)!;

        Assert.Equal(30, whole.GetValue<int>());
        Assert.Equal(30L, whole.GetValue<long>());
        Assert.Equal(30d, whole.GetValue<double>());
        Assert.Equal(3.75m, fraction.GetValue<decimal>());
        Assert.Equal("30", whole.ToJsonString());
    }

    [Fact]
    public void Evaluate_Function_ThrowsExpr004()
    {
        var error = Assert.Throws<ExpressionException>(() => Evaluator.Evaluate("() => score", Case));

        Assert.Equal("EXPR004", error.Code);
        Assert.Contains("returned a function", error.Message);
    }

    [Fact]
    public void Evaluate_Date_BecomesIso8601Text()
    {
        var result = Evaluator.Evaluate("new Date(Date.UTC(2026, 10, 3, 14, 5, 0))", VariableScope.Empty);

        Assert.Equal("2026-11-03T14:05:00.000Z", result!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_NaNAndFunctionsInsideObjects_FollowJsonStringify()
    {
        var result = Evaluator.Evaluate("({ a: NaN, f: () => 1, u: undefined, list: [undefined, () => 1] })", VariableScope.Empty);

        Assert.Equal("""{"a":null,"list":[null,null]}""", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_LocalsHideInstanceVariables()
    {
        var body = Case.WithLocals(new JsonObject { ["agency"] = "Health", ["loopCounter"] = 1 });

        Assert.Equal("Health#1", Evaluator.Evaluate("agency + '#' + loopCounter", body)!.GetValue<string>());
    }

    [Theory]
    [InlineData("score >= 14", false, null)]
    [InlineData("score >=", false, "Unexpected end of input at line 1, column 9")]
    [InlineData("var x = 1; x = x + 1;", true, null)]
    [InlineData("var x = ;", true, "Unexpected token ';' at line 1, column 9")]
    [InlineData("var x = 1;", false, "Unexpected token 'var' at line 1, column 1")]
    public void CheckSyntax_ReportsTheParseErrorOrNull(string source, bool isScript, string? expected)
    {
        Assert.Equal(expected, Evaluator.CheckSyntax(source, isScript));
    }

    [Theory]
    [InlineData("14", true)]
    [InlineData("{ days: 3, agencies: ['Police'] }", true)]
    [InlineData("`text` + 1", true)]
    [InlineData("undefined", false)]
    [InlineData("score", false)]
    [InlineData("Math.max(1, 2)", false)]
    [InlineData("globalThis.score", false)]
    public void Evaluate_ConstantExpression_IsWorkedOutOnceAndCopiedEachTime(string expression, bool constant)
    {
        var evaluator = new JintExpressionEvaluator();
        var first = evaluator.Evaluate(expression, Case);
        var expected = first?.ToJsonString();
        if (first is JsonObject obj) obj["days"] = 99;

        var second = evaluator.Evaluate(expression, Case);

        Assert.Equal(constant, evaluator.Cache.Expression(expression).IsConstant);
        Assert.Equal(expected, second?.ToJsonString());
        if (first is not null) Assert.NotSame(first, second);
    }
}
