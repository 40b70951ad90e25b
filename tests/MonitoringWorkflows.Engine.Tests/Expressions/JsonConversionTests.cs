using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Expressions;

namespace MonitoringWorkflows.Engine.Tests.Expressions;

public class JsonConversionTests
{
    private static readonly JintExpressionEvaluator Evaluator = new();

    [Fact]
    public void Evaluate_VariablesMadeFromClrValues_ReadAsTheirJsonValues()
    {
        var scope = new VariableScope(new JsonObject
        {
            ["count"] = 3,
            ["big"] = 9_000_000_000L,
            ["amount"] = 12.5m,
            ["reportedAt"] = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc),
            ["id"] = Guid.Parse("6f1c1a9e-3c55-4a0c-9a43-0b6f8c2d8f10"),
        });

        var result = Evaluator.Evaluate("[count + 1, big + 1, amount * 2, reportedAt.slice(0, 10), id.length]", scope);

        Assert.Equal("""[4,9000000001,25,"2026-03-01",36]""", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_ValueThatRefersToItself_ThrowsExpr004()
    {
        var error = Assert.Throws<ExpressionException>(() =>
            Evaluator.Evaluate("(() => { const a = { name: 'x' }; a.self = a; return a; })()", VariableScope.Empty));

        Assert.Equal("EXPR004", error.Code);
    }

    [Fact]
    public void Evaluate_BigInt_ThrowsExpr004()
    {
        var error = Assert.Throws<ExpressionException>(() => Evaluator.Evaluate("10n ** 30n", VariableScope.Empty));

        Assert.Equal("EXPR004", error.Code);
    }

    [Fact]
    public void Evaluate_NestedVariable_RoundTripsUnchanged()
    {
        const string json = """{"report":{"id":"C-1","children":[{"age":9,"tags":["school",null,true]}],"score":0.25}}""";
        var scope = VariableScope.FromJson(json);

        var result = Evaluator.Evaluate("report", scope);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json)!["report"], result));
    }

    [Fact]
    public void Evaluate_NegativeZeroAndLargeNumbers_KeepTheirValues()
    {
        var result = Evaluator.Evaluate("[-0, 2 ** 53, 2 ** 60, 1 / 3]", VariableScope.Empty)!.AsArray();

        Assert.Equal(0, result[0]!.GetValue<long>());
        Assert.Equal(9007199254740992, result[1]!.GetValue<long>());
        Assert.Equal(Math.Pow(2, 60), result[2]!.GetValue<double>());
        Assert.Equal(1d / 3, result[3]!.GetValue<double>());
    }

    [Fact]
    public void Evaluate_TheSameSmallNumberTwice_GivesNodesThatStandApart()
    {
        var first = Evaluator.Evaluate("[7, 7, 1023, 1024, 0.5]", VariableScope.Empty)!.AsArray();
        var second = Evaluator.Evaluate("7", VariableScope.Empty)!;

        var holder = new JsonObject { ["a"] = first[0]!.DeepClone(), ["b"] = second };
        first[1] = 8;

        Assert.Equal("""{"a":7,"b":7}""", holder.ToJsonString());
        Assert.Equal(7d, second.GetValue<double>());
        Assert.Equal(7m, second.GetValue<decimal>());
        Assert.Equal("[7,8,1023,1024,0.5]", first.ToJsonString());
    }

    [Theory]
    [InlineData("""{"a":[1,"x",true,null,{"b":false}],"c":-7,"d":""}""", true)]
    [InlineData("""[[],{},[[0]]]""", true)]
    [InlineData("""{"fraction":0.5}""", false)]
    [InlineData("""{"big":9007199254740993}""", false)]
    public void JsonComparison_AValueConvertedFromJson_IsUnchangedUnlessItHoldsWhatItCannotBeSureOf(string json, bool unchanged)
    {
        var engine = new Jint.Engine();
        var node = JsonNode.Parse(json);

        Assert.Equal(unchanged, JsonComparison.Unchanged(JsonToJs.Convert(engine, node), node));
        Assert.False(JsonComparison.Unchanged(JsonToJs.Convert(engine, JsonNode.Parse("""{"a":1}""")), JsonNode.Parse("""{"a":2}""")));
        Assert.False(JsonComparison.Unchanged(JsonToJs.Convert(engine, JsonNode.Parse("[1,2]")), JsonNode.Parse("[1]")));
    }
}
