using MonitoringWorkflows.Engine.Expressions;

namespace MonitoringWorkflows.Engine.Tests.Expressions;

public class SandboxTests
{
    private static readonly JintExpressionEvaluator Evaluator = new();

    [Theory]
    [InlineData("while (true) {}")]
    [InlineData("for (;;) { Math.sqrt(2); }")]
    public void RunScript_EndlessLoop_IsStoppedWithExpr003(string script)
    {
        var error = Assert.Throws<ExpressionException>(() => Evaluator.RunScript(script, VariableScope.Empty));

        Assert.Equal("EXPR003", error.Code);
    }

    [Theory]
    [InlineData("var list = []; while (true) { list.push('x'.repeat(1000)); }")]
    [InlineData("var text = 'x'; while (true) { text = text + text; }")]
    [InlineData("var big = new Array(50000000).fill(0);")]
    public void RunScript_UnboundedAllocation_IsStoppedWithExpr003(string script)
    {
        var error = Assert.Throws<ExpressionException>(() => Evaluator.RunScript(script, VariableScope.Empty));

        Assert.Equal("EXPR003", error.Code);
    }

    [Fact]
    public void RunScript_EndlessLoop_IsStoppedByTheStatementLimit()
    {
        // A generous time limit, so that only the statement limit can stop it even on a busy machine.
        var evaluator = new JintExpressionEvaluator(new ExpressionLimits { Timeout = TimeSpan.FromSeconds(30) });

        var error = Assert.Throws<ExpressionException>(() => evaluator.RunScript("while (true) {}", VariableScope.Empty));

        Assert.Contains("executed more than 100000 statements", error.Message);
    }

    [Fact]
    public void RunScript_GrowingList_IsStoppedByTheMemoryLimit()
    {
        // Only the memory limit can stop this one: on a busy machine the default time limit could come first.
        var evaluator = new JintExpressionEvaluator(new ExpressionLimits
        {
            MaxStatements = int.MaxValue,
            Timeout = TimeSpan.FromSeconds(30),
        });

        var error = Assert.Throws<ExpressionException>(() =>
            evaluator.RunScript("var list = []; while (true) { list.push('x'.repeat(1000)); }", VariableScope.Empty));

        Assert.Contains("memory limit", error.Message);
    }

    [Fact]
    public void RunScript_EndlessLoopWithoutAStatementLimit_IsStoppedByTheTimeLimit()
    {
        var evaluator = new JintExpressionEvaluator(new ExpressionLimits
        {
            MaxStatements = int.MaxValue,
            MaxAllocatedBytes = long.MaxValue - 1,
            Timeout = TimeSpan.FromMilliseconds(50),
        });

        var error = Assert.Throws<ExpressionException>(() => evaluator.RunScript("while (true) {}", VariableScope.Empty));

        Assert.Equal("EXPR003", error.Code);
        Assert.Contains("ran longer than 50 ms", error.Message);
    }

    [Fact]
    public void CheckSyntax_NestedTooDeeply_IsASyntaxErrorNotACrash()
    {
        var deep = new string('(', 100_000) + "1" + new string(')', 100_000);

        Assert.Equal("it is nested too deeply to parse", Evaluator.CheckSyntax(deep));
        Assert.Equal("it is nested too deeply to parse", Evaluator.CheckSyntax(deep, isScript: true));
    }

    [Fact]
    public void Evaluate_GetterThatLoops_IsStoppedWhileTheResultIsRead()
    {
        var error = Assert.Throws<ExpressionException>(() =>
            Evaluator.Evaluate("({ get x() { while (true) {} } })", VariableScope.Empty));

        Assert.Equal("EXPR003", error.Code);
    }

    [Fact]
    public void RunScript_EndlessRecursion_IsStoppedWithExpr003()
    {
        var error = Assert.Throws<ExpressionException>(() =>
            Evaluator.RunScript("function down(n) { return down(n + 1) + 1; } down(0);", VariableScope.Empty));

        Assert.Equal("EXPR003", error.Code);
        Assert.Contains("recursion", error.Message);
    }

    [Fact]
    public void Evaluate_CatastrophicRegex_IsStoppedWithExpr003()
    {
        var error = Assert.Throws<ExpressionException>(() =>
            Evaluator.Evaluate("/^(a+)+$/.test('a'.repeat(40) + '!')", VariableScope.Empty));

        Assert.Equal("EXPR003", error.Code);
    }

    [Fact]
    public void Evaluate_AfterALimitWasHit_StillWorks()
    {
        Assert.Throws<ExpressionException>(() => Evaluator.RunScript("while (true) {}", VariableScope.Empty));

        Assert.True(Evaluator.EvaluateCondition("1 + 1 === 2", VariableScope.Empty));
    }

    [Theory]
    [InlineData("typeof importNamespace")]
    [InlineData("typeof System")]
    [InlineData("typeof clr")]
    [InlineData("typeof ShadowRealm")]
    [InlineData("typeof SharedArrayBuffer")]
    [InlineData("typeof FinalizationRegistry")]
    [InlineData("typeof Temporal")]
    public void Evaluate_HostAndRealmEscapes_AreUndefined(string expression)
    {
        Assert.Equal("undefined", Evaluator.Evaluate(expression, VariableScope.Empty)!.GetValue<string>());
    }

    [Theory]
    [InlineData("eval('1 + 1')")]
    [InlineData("Function('return 1')()")]
    [InlineData("importNamespace('System.IO')")]
    public void Evaluate_CompilingStringsOrReachingTheClr_ThrowsExpr002(string expression)
    {
        var error = Assert.Throws<ExpressionException>(() => Evaluator.Evaluate(expression, VariableScope.Empty));

        Assert.Equal("EXPR002", error.Code);
    }

    [Fact]
    public void Evaluate_NonStrictOnlySyntax_IsASyntaxError()
    {
        var error = Assert.Throws<ExpressionException>(() => Evaluator.RunScript("with (Math) { max(1, 2); }", VariableScope.Empty));

        Assert.Equal("EXPR001", error.Code);
    }
}
