using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Actions;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Tests.Support;
using static MonitoringWorkflows.Engine.Tests.Workflows.ReferralData;

namespace MonitoringWorkflows.Engine.Tests.Workflows;

/// <summary>
/// The scoring step of the referral process: the checklist's score and thresholds, professional judgement,
/// escalation. The checklist is one form-js checklist (<c>riskIndicators</c>) whose value is the list of codes ticked.
/// </summary>
public class RiskScoringTests
{
    [Fact]
    public void Checklist_IsOneFormJsChecklistOf24NumberedQuestions_WithDistinctCodes_NotRequired()
    {
        var checklist = RiskIndicatorsChecklist();
        var labels = checklist["values"]!.AsArray().Select(option => (string)option!["label"]!).ToList();

        Assert.Equal(("checklist", false), ((string?)checklist["type"], (bool)checklist["validate"]!["required"]!));
        Assert.Equal(24, RiskIndicatorCodes.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 24).Select(n => $"{n}."), labels.Select(label => label[..label.IndexOf(' ')]));
        Assert.DoesNotContain("\"q01\"", WorkflowFiles.FormJson("risk-screening"));
    }

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

    [Fact]
    public void Checklist_ACodeTickedTwice_CountsOnce()
    {
        var codes = RiskIndicatorCodes.Take(13).ToList();

        var scored = Score(Scenario.Array([.. codes, codes[0], codes[12], codes[12]]));

        Assert.Equal((13, "medium"), scored);
    }

    [Theory]
    [InlineData("\"q14\"")]
    [InlineData("\"Strangulation\"")]
    [InlineData("\"\"")]
    [InlineData("\"constructor\"")]
    [InlineData("\"__proto__\"")]
    [InlineData("14")]
    [InlineData("null")]
    [InlineData("[\"strangulation\"]")]
    [InlineData("{ \"strangulation\": true }")]
    public void Checklist_AnEntryThatIsNotAKnownCode_IsIgnored(string entry)
    {
        var codes = RiskIndicatorCodes.Where(code => code != "strangulation").Take(13);

        var scored = Score(new JsonArray([.. codes.Select(code => JsonValue.Create(code)), JsonNode.Parse(entry)]));

        Assert.Equal((13, "medium"), scored);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"injuries\"")]
    [InlineData("true")]
    [InlineData("{ \"injuries\": true, \"fearOfHarm\": true }")]
    public void Checklist_ThatIsNotAList_ScoresZero(string value)
    {
        Assert.Equal((0, "low"), Score(JsonNode.Parse(value)));
    }

    [Fact]
    public void Checklist_NotSubmitted_ScoresZero_AndTheOtherRulesStillApply()
    {
        var referral = Scenario.Start(ProcessFile, Report(incidentsLast12Months: 3));
        var screening = Screening(0);
        screening.Remove("riskIndicators");

        referral.Finish("Task_RiskScreening", screening);

        Assert.Equal((0, true, "high"),
            (referral.Variable("riskScore")!.GetValue<int>(), referral.Variable("escalated")!.GetValue<bool>(), referral.Text("riskLevel")));
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

    private static (int Score, string? Level) Score(JsonNode? riskIndicators)
    {
        var referral = Scenario.Start(ProcessFile, Report());
        referral.Finish("Task_RiskScreening", Screening(riskIndicators));
        return (referral.Variable("riskScore")!.GetValue<int>(), referral.Text("riskLevel"));
    }
}
