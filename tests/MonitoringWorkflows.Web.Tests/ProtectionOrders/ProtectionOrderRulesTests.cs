using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MonitoringWorkflows.Web.Forms;
using MonitoringWorkflows.Web.ProtectionOrders;

namespace MonitoringWorkflows.Web.Tests.ProtectionOrders;

public sealed class ProtectionOrderRulesTests
{
    private static ProtectionOrderRules Rules(int shortTermMaxDays = 60) =>
        new(Options.Create(new ProtectionOrderOptions { ShortTermMaxDays = shortTermMaxDays }));

    private static JsonObject ShortTerm(int days) => new()
    {
        ["orderType"] = "short-term-order", ["orderIssuedAt"] = "2026-11-20T10:00:00+04:00", ["orderDurationDays"] = days,
    };

    private static JsonObject Court(int days) => new()
    {
        ["courtDecision"] = "granted", ["courtDecisionAt"] = "2026-11-20", ["courtOrderDays"] = days, ["applicationFiledAt"] = "2026-11-01",
    };

    [Theory]
    [InlineData(60, 61, FieldProblem.AboveMax, 60)]
    [InlineData(30, 45, FieldProblem.AboveMax, 30)]
    [InlineData(90, 61, FieldProblem.AboveMax, 60)] // a setting cannot raise the law's ceiling
    [InlineData(60, 0, FieldProblem.BelowMin, 1)]
    public void Check_ShortTermOutOfRange_IsAFieldErrorOnTheDuration(int setting, int days, FieldProblem problem, int limit)
    {
        var error = Assert.Single(Rules(setting).Check("protection-order", ShortTerm(days)));

        Assert.Equal(new FieldError("orderDurationDays", problem, limit), error);
    }

    [Theory]
    [InlineData(59, FieldProblem.BelowMin, 60)]
    [InlineData(181, FieldProblem.AboveMax, 180)]
    public void Check_LongTermOutsideSixtyToOneHundredEighty_IsAFieldErrorOnTheDuration(int days, FieldProblem problem, int limit)
    {
        var error = Assert.Single(Rules().Check("court-order", Court(days)));

        Assert.Equal(new FieldError("courtOrderDays", problem, limit), error);
    }

    [Fact]
    public void DraftOf_InRange_GivesTheKindTheIssueAndTheEnd()
    {
        var shortTerm = Rules().DraftOf("protection-order", ShortTerm(30))!;
        var longTerm = Rules().DraftOf("court-order", Court(180))!;

        Assert.Equal((ProtectionOrderKind.ShortTerm, new DateTimeOffset(2026, 12, 20, 10, 0, 0, TimeSpan.FromHours(4))), (shortTerm.Kind, shortTerm.ExpiresAt));
        // A court's decision date is the start of that day in Baku.
        Assert.Equal((ProtectionOrderKind.LongTerm, new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.FromHours(4)), 180),
            (longTerm.Kind, longTerm.IssuedOn, longTerm.Days));
    }

    [Fact]
    public void Check_DataThatRecordNoOrder_PassWhateverTheirNumbers()
    {
        Assert.Empty(Rules().Check("protection-order", new JsonObject { ["orderType"] = "none", ["orderDurationDays"] = 500 }));
        Assert.Empty(Rules().Check("court-order", new JsonObject { ["courtDecision"] = "refused", ["courtOrderDays"] = 5 }));
        Assert.Empty(Rules().Check("risk-screening", ShortTerm(500)));
        Assert.Null(Rules().DraftOf("court-order", new JsonObject { ["courtDecision"] = "refused" }));
    }
}
