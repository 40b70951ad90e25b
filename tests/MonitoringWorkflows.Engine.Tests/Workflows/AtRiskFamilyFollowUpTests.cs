using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Tests.Support;

namespace MonitoringWorkflows.Engine.Tests.Workflows;

/// <summary>The at-risk family follow-up: rounds of visits 30 days apart until both agencies end it.</summary>
public class AtRiskFamilyFollowUpTests
{
    private const string ProcessFile = "at-risk-family-follow-up.bpmn";

    [Fact]
    public void TwoRoundsOfVisits_ThenBothAgenciesEndTheFollowUp()
    {
        var family = Scenario.Start(ProcessFile, new JsonObject { ["familyName"] = "Mammadov" });
        VisitRound(family, socialProtectionContinues: true, educationContinues: true);
        Assert.Equal(family.Now.AddDays(30), Assert.Single(family.PendingTimers).DueAt);
        Assert.Empty(family.OpenTasks);

        family.AdvanceAndFire(TimeSpan.FromDays(30));
        VisitRound(family, socialProtectionContinues: false, educationContinues: false);

        Assert.Equal(InstanceStatus.Completed, family.State.Status);
        Assert.Equal(1, family.FlowsTaken.Count(f => f == "Flow_ContinueFollowUp"));
        Assert.Equal(1, family.FlowsTaken.Count(f => f == "Flow_NextRound"));
        Assert.Equal("Flow_StopFollowUp", family.FlowsTaken[^1]);
        Assert.Equal("2026-12-25", (string?)family.Variable("educationVisit")!["date"]);
    }

    [Fact]
    public void FollowUpGoesOn_WhileEitherAgencyStillSeesANeed()
    {
        var family = Scenario.Start(ProcessFile, new JsonObject { ["familyName"] = "Aliyev" });

        VisitRound(family, socialProtectionContinues: false, educationContinues: true);

        Assert.Equal(InstanceStatus.Running, family.State.Status);
        Assert.Equal("Event_NextVisitDue", Assert.Single(family.PendingTimers).ElementId);
        Assert.False(family.Variable("socialProtectionRecommendsContinue")!.GetValue<bool>());
    }

    private static void VisitRound(TestInstance family, bool socialProtectionContinues, bool educationContinues)
    {
        Assert.Equal([("Task_EducationVisit", "Education"), ("Task_SocialProtectionVisit", "SocialProtection")],
            family.OpenTasks.Select(t => (t.ElementId, t.Agency!)).Order());
        Assert.All(family.OpenTasks, t => Assert.Equal(("family-visit", family.Now.AddDays(7)), (t.FormKey, t.DueAt)));
        var date = family.Now.ToString("yyyy-MM-dd");
        family.Finish("Task_SocialProtectionVisit", Visit(date, "Mother working again; debts reduced.", socialProtectionContinues));
        family.Finish("Task_EducationVisit", Visit(date, "Attendance back to normal.", educationContinues));
    }

    private static JsonObject Visit(string date, string summary, bool continueFollowUp) => new()
    {
        ["visitDate"] = date,
        ["visitSummary"] = summary,
        ["risksObserved"] = false,
        ["continueFollowUp"] = continueFollowUp,
    };
}
