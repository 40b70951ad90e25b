using MonitoringWorkflows.Engine.Expressions;

namespace MonitoringWorkflows.Engine.Tests.Expressions;

/// <summary>One idle engine and one thread: every evaluation here runs on the very same Jint engine.</summary>
public class IsolationTests
{
    private readonly JintExpressionEvaluator _evaluator = new(new ExpressionLimits { MaxIdleEngines = 1 });

    [Fact]
    public void Evaluations_OnOneThread_RunOnTheSameEngine()
    {
        _evaluator.EvaluateCondition("true", VariableScope.Empty);
        var engine = _evaluator.Engines.Rent();
        _evaluator.Engines.Return(engine);

        _evaluator.RunScript("var x = 1;", VariableScope.Empty);

        Assert.Same(engine, _evaluator.Engines.Rent());
    }

    [Theory]
    [InlineData("var leaked = 1;")]
    [InlineData("let leaked = 1;")]
    [InlineData("globalThis.leaked = 1;")]
    [InlineData("Object.defineProperty(globalThis, 'leaked', { value: 1 });")]
    public void RunScript_GlobalItCreated_IsNotVisibleToTheNextEvaluation(string script)
    {
        _evaluator.RunScript(script, VariableScope.Empty);

        Assert.Equal("undefined", _evaluator.Evaluate("typeof leaked", VariableScope.Empty)!.GetValue<string>());
        Assert.Equal(1, _evaluator.Engines.IdleCount);
    }

    [Fact]
    public void RunScript_SameLetTwice_DoesNotCollideWithTheFirstRun()
    {
        _evaluator.RunScript("let total = 1;", VariableScope.Empty);

        Assert.Equal(2, _evaluator.RunScript("let total = 2;", VariableScope.Empty)["total"]!.GetValue<long>());
    }

    [Fact]
    public void RunScript_ThatThrows_LeavesNoGlobalBehind()
    {
        Assert.Throws<ExpressionException>(() => _evaluator.RunScript("var half = 1; null.x;", VariableScope.Empty));

        Assert.Equal("undefined", _evaluator.Evaluate("typeof half", VariableScope.Empty)!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_ReplacingABuiltInGlobal_IsUndone()
    {
        _evaluator.RunScript("Math = { max: () => -1 };", VariableScope.Empty);

        Assert.Equal(3, _evaluator.Evaluate("Math.max(1, 3)", VariableScope.Empty)!.GetValue<long>());
    }

    [Theory]
    [InlineData("Array.prototype.includes = () => true;")]
    [InlineData("Object.prototype.polluted = 1;")]
    [InlineData("JSON.parse = () => 1;")]
    public void RunScript_ChangingABuiltIn_IsRefused(string script)
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.RunScript(script, VariableScope.Empty));

        Assert.Equal("EXPR002", error.Code);
        Assert.False(_evaluator.EvaluateCondition("[1].includes(2) || 'polluted' in {}", VariableScope.Empty));
    }

    [Fact]
    public void Evaluate_VariablesOfTheLastEvaluation_AreNotVisibleToTheNext()
    {
        Assert.Equal(15, _evaluator.Evaluate("score", VariableScope.FromJson("""{"score":15}"""))!.GetValue<long>());

        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("score", VariableScope.Empty));
        Assert.Equal("EXPR002", error.Code);
    }

    [Fact]
    public void RunScript_TamperingWithTheVariablesPrototype_IsUndone()
    {
        _evaluator.RunScript("""
            const variables = Object.getPrototypeOf(globalThis);
            variables.planted = 1;
            Object.setPrototypeOf(variables, { alsoPlanted: 2 });
            """, VariableScope.Empty);

        Assert.Equal("undefined,undefined,function",
            _evaluator.Evaluate("[typeof planted, typeof alsoPlanted, typeof hasOwnProperty].join()", VariableScope.Empty)!.GetValue<string>());
    }

    [Fact]
    public void RunScript_ChangingAVariableInPlace_DoesNotChangeTheScopesJson()
    {
        var scope = VariableScope.FromJson("""{"child":{"age":9}}""");

        _evaluator.RunScript("child.age = 10;", scope);

        Assert.Equal(9, _evaluator.Evaluate("child.age", scope)!.GetValue<long>());
    }

    [Fact]
    public void Evaluate_SameSourceOverOtherVariables_SeesOnlyTheVariablesOfEachCall()
    {
        // One engine and one prepared source: nothing Jint caches per source may carry a variable over.
        const string expression = "typeof score === 'undefined' ? 'none' : String(score)";

        var seen = new[] { """{"score":1}""", "{}", """{"score":2}""", """{"score":"x"}""", "{}" }
            .Select(json => _evaluator.Evaluate(expression, VariableScope.FromJson(json))!.GetValue<string>());

        Assert.Equal(["1", "none", "2", "x", "none"], seen);
    }

    [Fact]
    public void RunScript_DeletingAVariableAfterReadingIt_DoesNotBringItBack()
    {
        var assigned = _evaluator.RunScript("""
            var before = score;
            delete globalThis.score;
            var after = typeof score;
            """, VariableScope.FromJson("""{"score":15}"""));

        Assert.Equal(15, assigned["before"]!.GetValue<long>());
        Assert.Equal("undefined", assigned["after"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("globalThis.leaked = 1")]
    [InlineData("Object.assign(globalThis, { leaked: 1 })")]
    [InlineData("Reflect.defineProperty(globalThis, 'leaked', { value: 1 })")]
    [InlineData("[1].map(() => globalThis.leaked = 1)")]
    [InlineData("(score = 1, globalThis.leaked = score)")]
    [InlineData("delete globalThis.Math && (globalThis.leaked = 1)")]
    public void Evaluate_ExpressionThatChangesGlobals_IsUndoneLikeAScript(string expression)
    {
        _evaluator.Evaluate(expression, VariableScope.FromJson("""{"score":15}"""));

        Assert.Equal("undefined,object,undefined", _evaluator.Evaluate(
            "[typeof leaked, typeof Math, typeof score].join()", VariableScope.Empty)!.GetValue<string>());
        Assert.Equal(1, _evaluator.Engines.IdleCount);
    }

    [Theory]
    [InlineData("score > 10 && level === 'high'", true)]
    [InlineData("`${level}:${score}` === 'high:15' && { a: [score] }.a[0] === 15", true)]
    [InlineData("'score' in globalThis && globalThis['lev' + 'el'] === 'high'", true)]
    [InlineData("delete globalThis.score", true)]
    [InlineData("typeof globalThis.score === 'number' && (() => true)()", true)]
    [InlineData("{ [level]: score }.high === 15 && !(score instanceof Object)", true)]
    public void ReadOnlyExpressions_AreTheOnesWithoutAssignmentsCallsOrDeletes(string expression, bool works)
    {
        var scope = VariableScope.FromJson("""{"score":15,"level":"high"}""");
        var readOnly = _evaluator.Cache.Expression(expression).IsReadOnly;

        Assert.Equal(works, _evaluator.EvaluateCondition(expression, scope));
        Assert.Equal(!expression.Contains("delete") && !expression.Contains("=>") && !expression.Contains("instanceof"), readOnly);
        Assert.Equal("undefined,undefined", _evaluator.Evaluate("[typeof score, typeof level].join()", VariableScope.Empty)!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_RegExpMatchOfTheLastEvaluation_IsNotVisibleToTheNext()
    {
        var sameEvaluation = _evaluator.Evaluate("(/(sec.et)/.exec('the secret word'), RegExp.$1)", VariableScope.Empty);

        Assert.False(_evaluator.EvaluateCondition(
            "String(RegExp.$1).includes('secret') || String(RegExp.lastMatch).includes('secret')", VariableScope.Empty));
        Assert.Equal("secret", sameEvaluation!.GetValue<string>());
    }

    [Theory]
    [InlineData("globalThis instanceof { [Symbol.hasInstance]: Object.freeze }")]
    [InlineData("`${{ [Symbol.toPrimitive]: Object.preventExtensions }}`")]
    [InlineData("[...{ [Symbol.iterator]: Object.seal }]")]
    public void Evaluate_BuiltInRunImplicitlyOnTheGlobalObject_IsUndoneBeforeTheNextEvaluation(string expression)
    {
        Record.Exception(() => _evaluator.Evaluate(expression, VariableScope.Empty));

        var assigned = _evaluator.RunScript("var x = score + 1;", VariableScope.FromJson("""{"score":1}"""));

        Assert.Equal(2, assigned["x"]!.GetValue<long>());
        Assert.False(_evaluator.EvaluateCondition("Object.isFrozen(globalThis) || !Object.isExtensible(globalThis)", VariableScope.Empty));
    }
}
