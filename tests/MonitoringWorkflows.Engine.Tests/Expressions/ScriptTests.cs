using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Expressions;

namespace MonitoringWorkflows.Engine.Tests.Expressions;

public class ScriptTests
{
    private static readonly JintExpressionEvaluator Evaluator = new();

    private static VariableScope Case() => VariableScope.FromJson("""
        { "score": 15, "level": "low", "child": { "age": 9 }, "agencies": ["Police"], "visits": 2 }
        """);

    [Fact]
    public void RunScript_NewChangedAndUnchanged_ReturnsOnlyNewAndChanged()
    {
        var assigned = Evaluator.RunScript("""
            var riskLevel = score >= 14 ? 'high' : 'low';
            score = score + 1;
            level = 'low';
            """, Case());

        Assert.Equal(["riskLevel", "score"], assigned.Keys.Order());
        Assert.Equal("high", assigned["riskLevel"]!.GetValue<string>());
        Assert.Equal(16, assigned["score"]!.GetValue<long>());
    }

    [Fact]
    public void RunScript_VarRedeclaringAVariable_ReadsItsValue()
    {
        var assigned = Evaluator.RunScript("var visits = visits + 1;", Case());

        Assert.Equal(3, assigned["visits"]!.GetValue<long>());
    }

    [Fact]
    public void RunScript_VarInsideBlocksAndDestructuring_ReadsTheVariablesToo()
    {
        var assigned = Evaluator.RunScript("""
            if (score > 10) { var visits = visits + 10; }
            var { age: level = 0 } = child;
            """, Case());

        Assert.Equal(12, assigned["visits"]!.GetValue<long>());
        Assert.Equal(9, assigned["level"]!.GetValue<long>());
    }

    [Fact]
    public void RunScript_LetInsideABlock_StaysInTheBlockWhileATopLevelVarLoopCounterIsAVariable()
    {
        var assigned = Evaluator.RunScript("""
            for (let j = 0; j < 3; j++) { }
            for (var i = 0; i < 3; i++) { }
            """, Case());

        Assert.Equal(["i"], assigned.Keys);
    }

    [Fact]
    public void RunScript_ObjectsAndArraysChangedInPlace_AreReturnedWhole()
    {
        var assigned = Evaluator.RunScript("child.age = 10; agencies.push('Health');", Case());

        Assert.Equal("""{"age":10}""", assigned["child"]!.ToJsonString());
        Assert.Equal("""["Police","Health"]""", assigned["agencies"]!.ToJsonString());
    }

    [Fact]
    public void RunScript_LetConstAndGlobalThis_CountAsAssignments()
    {
        var assigned = Evaluator.RunScript("""
            const summary = { total: score, names: agencies.map(a => a.toLowerCase()) };
            let checkedAt = new Date(Date.UTC(2026, 0, 2));
            globalThis.flag = true;
            """, Case());

        Assert.Equal("""{"total":15,"names":["police"]}""", assigned["summary"]!.ToJsonString());
        Assert.Equal("2026-01-02T00:00:00.000Z", assigned["checkedAt"]!.GetValue<string>());
        Assert.True(assigned["flag"]!.GetValue<bool>());
    }

    [Fact]
    public void RunScript_FunctionsAndHelpersInFunctions_AreNotVariables()
    {
        var assigned = Evaluator.RunScript("""
            function double(x) { const helper = x * 2; return helper; }
            var result = double(score);
            """, Case());

        Assert.Equal(["result"], assigned.Keys);
        Assert.Equal(30, assigned["result"]!.GetValue<long>());
    }

    [Fact]
    public void RunScript_ReadingOnly_ReturnsNothing()
    {
        Assert.Empty(Evaluator.RunScript("if (child.age > 18) { throw new Error('adult'); }", Case()));
    }

    [Fact]
    public void RunScript_ThrowsAfterAssigning_ThrowsExpr002AndLeavesTheVariablesAlone()
    {
        var variables = new JsonObject { ["score"] = 15, ["child"] = new JsonObject { ["age"] = 9 } };

        var error = Assert.Throws<ExpressionException>(() =>
            Evaluator.RunScript("score = 99; child.age = 1; throw new Error('no referral agency');", new VariableScope(variables)));

        Assert.Equal("EXPR002", error.Code);
        Assert.Contains("Error: no referral agency", error.Message);
        Assert.Equal("""{"score":15,"child":{"age":9}}""", variables.ToJsonString());
    }

    [Fact]
    public void RunScript_AssigningUndeclaredNames_CreatesVariablesDespiteStrictMode()
    {
        var assigned = Evaluator.RunScript("""
            riskLevel = score >= 14 ? 'high' : 'low';
            function mark() { flagged = true; }
            mark();
            [first, second] = agencies.concat('Health');
            count++;
            """, VariableScope.FromJson("""{ "score": 15, "agencies": ["Police"], "count": 1 }"""));

        Assert.Equal("""{"riskLevel":"high","flagged":true,"first":"Police","second":"Health","count":2}""",
            new JsonObject(assigned.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString());
    }

    [Fact]
    public void RunScript_AssignmentThatDidNotRun_CreatesNothing()
    {
        Assert.Empty(Evaluator.RunScript("if (score > 100) { escalated = true; }", Case()));
    }

    [Fact]
    public void RunScript_ReadingAnUnknownName_IsStillAReferenceError()
    {
        var error = Assert.Throws<ExpressionException>(() => Evaluator.RunScript("var level2 = levle + 1;", Case()));

        Assert.Equal("EXPR002", error.Code);
        Assert.Contains("ReferenceError: levle is not defined", error.Message);
    }

    [Fact]
    public void RunScript_SyntaxError_ThrowsExpr001WithThePosition()
    {
        var error = Assert.Throws<ExpressionException>(() => Evaluator.RunScript("var a = 1;\nvar b = ;", Case()));

        Assert.Equal("EXPR001", error.Code);
        Assert.Contains("at line 2, column 9", error.Message);
    }

    [Fact]
    public void RunScript_ReassigningEqualValues_ReturnsNothing()
    {
        Assert.Empty(Evaluator.RunScript("""
            score = 10 + 5;
            level = 'lo' + 'w';
            child = { age: 9 };
            agencies = ['Pol' + 'ice'];
            """, Case()));
    }

    [Fact]
    public void RunScript_ReplacingABuiltInGlobal_IsNotAVariable()
    {
        var assigned = Evaluator.RunScript("Math = { max: () => -1 }; var top = Math.max();", Case());

        Assert.Equal(["top"], assigned.Keys);
    }

    [Fact]
    public void RunScript_VariablesReachedByComputedName_AreReadAndCompared()
    {
        var assigned = Evaluator.RunScript("""
            var names = [];
            for (const name in globalThis) names.push(name);
            var total = globalThis['sco' + 're'] + 1;
            globalThis['vis' + 'its'] = 3;
            globalThis['le' + 'vel'] = 'low';
            """, Case());

        Assert.Equal(["names", "total", "visits"], assigned.Keys.Order());
        Assert.Equal(["agencies", "child", "level", "names", "score", "total", "visits"],
            assigned["names"]!.AsArray().Select(n => n!.GetValue<string>()).Order());
        Assert.Equal(16, assigned["total"]!.GetValue<long>());
        Assert.Equal(3, assigned["visits"]!.GetValue<long>());
    }

    [Fact]
    public void RunScript_TopLevelLetAndConst_AreReadAfterTheScript()
    {
        var assigned = Evaluator.RunScript("let first = score + 1; const second = [first]; let unchanged = 'low';", Case());

        Assert.Equal(["first", "second", "unchanged"], assigned.Keys.Order());
        Assert.Equal("[16]", assigned["second"]!.ToJsonString());
    }

    [Fact]
    public void RunScript_TopLevelThis_IsTheGlobalObjectAndWhatItSetsIsReturned()
    {
        var assigned = Evaluator.RunScript("""
            this.flag = score > 10;
            (() => { this.visits = visits + 1; })();
            """, Case());

        Assert.Equal(["flag", "visits"], assigned.Keys.Order());
        Assert.Equal(3, assigned["visits"]!.GetValue<long>());
    }

    [Fact]
    public void RunScript_ReadingVariablesOnly_ReturnsOnlyTheObjectsItChangedInPlace()
    {
        var assigned = Evaluator.RunScript("""
            var total = score + visits;
            if (level === 'low') child.age = child.age + 1;
            agencies.slice().push('Health');
            """, Case());

        Assert.Equal(["child", "total"], assigned.Keys.Order());
        Assert.Equal("""{"age":10}""", assigned["child"]!.ToJsonString());
    }

    [Theory]
    [InlineData("report.tags.push('c');", true)]
    [InlineData("report.tags.length = 1;", true)]
    [InlineData("report.nested.deep.x = 'y';", true)]
    [InlineData("report.n = 1.25;", true)]
    [InlineData("report.count = 4;", true)]
    [InlineData("Object.defineProperty(report, 'g', { get() { return 1; }, enumerable: true });", true)]
    [InlineData("report.tags[0] = 'a'; report.count = 3; report.nested = { deep: { x: 'x' } };", false)]
    [InlineData("report.n = 1.5;", false)]
    [InlineData("delete report.flag; report.flag = false;", false)]
    [InlineData("report.extra = undefined;", false)]
    [InlineData("report.tags.slice().reverse();", false)]
    public void RunScript_ObjectVariable_IsReturnedOnlyWhenItsJsonChanged(string script, bool changed)
    {
        var scope = VariableScope.FromJson("""
            {"report":{"tags":["a","b"],"n":1.5,"flag":false,"nested":{"deep":{"x":"x"}},"count":3}}
            """);

        var assigned = Evaluator.RunScript(script, scope);

        Assert.Equal(changed, assigned.ContainsKey("report"));
    }

    [Fact]
    public void RunScript_EveryWayOfAssigningAName_IsSeenWithoutTheGlobalObject()
    {
        var assigned = Evaluator.RunScript("""
            for (level of ['medium', 'high']) { }
            score += 1;
            ({ age: visits } = child);
            function raise() { agencies = agencies.concat('Health'); }
            [1].forEach(raise);
            """, Case());

        Assert.Equal("""{"level":"high","score":16,"visits":9,"agencies":["Police","Health"]}""",
            new JsonObject(assigned.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())))
                .ToJsonString());
    }
}
