using MonitoringWorkflows.Engine.Actions;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Tests.Support;
using static MonitoringWorkflows.Engine.Tests.Workflows.ReferralData;

namespace MonitoringWorkflows.Engine.Tests.Workflows;

/// <summary>The scoring step of the referral process: checklist thresholds, professional judgement, escalation.</summary>
public class RiskScoringTests
{
    [Theory]
    [InlineData(0, "low")]
    [InlineData(6, "low")]
    [InlineData(7, "medium")]
    [InlineData(13, "medium")]
    [InlineData(14, "high")]
    [InlineData(24, "high")]
    public void Checklist_14OrMoreYesIsHigh_7OrMoreIsMedium(int yes, string level)
    {
        var referral = Scenario.Start(ProcessFile, Report());

        referral.Finish("Task_RiskScreening", Screening(yes));

        Assert.Equal((yes, level), (referral.Variable("riskScore")!.GetValue<int>(), referral.Text("riskLevel")));
    }

    [Theory]
    [InlineData(3, "raise-to-medium", "medium")]
    [InlineData(3, "raise-to-high", "high")]
    [InlineData(10, "raise-to-medium", "medium")]
    [InlineData(16, "raise-to-medium", "high")]
    public void ProfessionalJudgement_RaisesTheLevel_ButNeverLowersIt(int yes, string judgement, string level)
    {
        var referral = Scenario.Start(ProcessFile, Report());

        referral.Finish("Task_RiskScreening", Screening(yes, judgement, "He threatened her in front of me at the centre."));

        Assert.Equal(level, referral.Text("riskLevel"));
    }

    [Fact]
    public void RaisingTheLevelWithoutAReason_SendsTheScreeningBack_WithoutRaisingIt()
    {
        var referral = Scenario.Start(ProcessFile, Report());
        var first = referral.OpenTask("Task_RiskScreening").TaskId;

        referral.Finish("Task_RiskScreening", Screening(3, "raise-to-high", reason: "   "));

        Assert.Equal("low", referral.Text("riskLevel"));
        Assert.Contains("Flow_JudgementWithoutReason", referral.FlowsTaken);
        var second = referral.OpenTask("Task_RiskScreening");
        Assert.Equal("risk-screening", second.FormKey);
        Scenario.Succeeded(referral.Apply(new CompleteTask(first, Screening(3, "raise-to-high", reason: "   "))));
        Assert.Equal(second.TaskId, referral.OpenTask("Task_RiskScreening").TaskId);

        referral.Finish("Task_RiskScreening", Screening(3, "raise-to-high", "The perpetrator owns a hunting rifle."));
        Assert.Equal("high", referral.Text("riskLevel"));
        Assert.Contains("Flow_HighOrGrave", referral.FlowsTaken);
    }

    [Fact]
    public void ThreeIncidentsIn12Months_EscalateTheCaseToTheHighRoute()
    {
        var referral = Scenario.Start(ProcessFile, Report(incidentsLast12Months: 3));

        referral.Finish("Task_RiskScreening", Screening(yes: 4));

        Assert.True(referral.Variable("escalated")!.GetValue<bool>());
        Assert.Equal("high", referral.Text("riskLevel"));
        Assert.Contains("escalated after repeated incidents", (string?)Assert.Single(referral.Notifications())["text"]);
    }

    [Fact]
    public void ReportWithoutOptionalFields_IsScoredFromTheChecklistAlone()
    {
        var referral = Scenario.Start(ProcessFile, new() { ["caseNumber"] = "SBL-2026-0118" });

        referral.Finish("Task_RiskScreening", Screening(yes: 8, referTo: ["Police"]));

        Assert.Equal(("medium", false), (referral.Text("riskLevel"), referral.Variable("escalated")!.GetValue<bool>()));
    }

    [Fact]
    public void Thresholds_AreInputMappingsOfTheScoringTask_SoAGroupCanChangeThemInTheDesigner()
    {
        const string mapping = "<mw:input target=\"highRiskThreshold\" source=\"=14\" />";
        var xml = WorkflowFiles.Xml(ProcessFile);
        Assert.Contains(mapping, xml);
        var stricter = TestInstance.Start(xml.Replace(mapping, mapping.Replace("=14", "=10")), Report(), BuiltInActions.All);

        stricter.Finish("Task_RiskScreening", Screening(yes: 11));

        Assert.Equal("high", stricter.Text("riskLevel"));
    }
}
