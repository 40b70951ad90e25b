using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Expressions;

namespace MonitoringWorkflows.Engine.Tests.Expressions;

public class ConcurrencyAndCacheTests
{
    [Fact]
    public void ParallelEvaluations_EachSeeTheirOwnVariables()
    {
        var evaluator = new JintExpressionEvaluator();
        var wrong = new ConcurrentBag<string>();

        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var scope = new VariableScope(new JsonObject { ["n"] = i, ["name"] = $"case-{i}" });
            var sum = evaluator.Evaluate("n * 2 + 1", scope)!.GetValue<long>();
            var even = evaluator.EvaluateCondition("n % 2 === 0", scope);
            var assigned = evaluator.RunScript("var label = name + ':' + n;", scope);
            if (sum != i * 2 + 1 || even != (i % 2 == 0) || assigned["label"]!.GetValue<string>() != $"case-{i}:{i}")
            {
                wrong.Add($"{i}: {sum} {even} {assigned["label"]}");
            }
        });

        Assert.Empty(wrong);
    }

    [Fact]
    public void Evaluate_SameTextManyTimes_PreparesItOnce()
    {
        var evaluator = new JintExpressionEvaluator();
        var first = evaluator.Cache.Expression("score > 1");

        for (var i = 0; i < 10; i++) evaluator.EvaluateCondition("score > 1", VariableScope.FromJson($$"""{"score":{{i}}}"""));

        Assert.Same(first, evaluator.Cache.Expression("score > 1"));
        Assert.Equal(1, evaluator.Cache.Count);
    }

    [Fact]
    public void Cache_SameTextAsExpressionAndScript_KeepsBoth()
    {
        var evaluator = new JintExpressionEvaluator();

        evaluator.CheckSyntax("x", isScript: false);
        evaluator.CheckSyntax("x", isScript: true);

        Assert.Equal(2, evaluator.Cache.Count);
    }

    [Fact]
    public void Cache_PastItsSize_StaysBounded()
    {
        var evaluator = new JintExpressionEvaluator(new ExpressionLimits { PreparedCacheSize = 8 });

        for (var i = 0; i < 50; i++) Assert.Null(evaluator.CheckSyntax($"n + {i}"));

        Assert.InRange(evaluator.Cache.Count, 1, 8);
    }

    [Fact]
    public void Cache_SyntaxError_IsRemembered()
    {
        var evaluator = new JintExpressionEvaluator();

        Assert.Throws<ExpressionException>(() => evaluator.Evaluate("a +* b", VariableScope.Empty));

        Assert.Same(evaluator.Cache.Expression("a +* b"), evaluator.Cache.Expression("a +* b"));
        Assert.NotNull(evaluator.Cache.Expression("a +* b").SyntaxError);
    }
}
