using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Expressions;

namespace MonitoringWorkflows.Engine.Tests.Expressions;

public class VariableScopeTests
{
    [Fact]
    public void TryGet_LocalsFirst_ThenTheParent()
    {
        var scope = VariableScope.FromJson("""{"agency":"Police","score":15}""")
            .WithLocals(new JsonObject { ["agency"] = "Health" });

        Assert.True(scope.TryGet("agency", out var agency));
        Assert.True(scope.TryGet("score", out var score));
        Assert.False(scope.TryGet("missing", out _));
        Assert.Equal("Health", agency!.GetValue<string>());
        Assert.Equal(15, score!.GetValue<int>());
    }

    [Fact]
    public void TryGet_NullVariable_ExistsWithANullValue()
    {
        Assert.True(VariableScope.FromJson("""{"note":null}""").TryGet("note", out var note));
        Assert.Null(note);
    }

    [Fact]
    public void Names_InnermostFirst_WithoutDuplicates()
    {
        var scope = VariableScope.FromJson("""{"a":1,"b":2}""").WithLocals(new JsonObject { ["b"] = 3, ["c"] = 4 });

        Assert.Equal(["b", "c", "a"], scope.Names);
    }
}
