using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Tests.Support;
using static MonitoringWorkflows.Engine.Tests.Workflows.ReferralData;

namespace MonitoringWorkflows.Engine.Tests.Workflows;

/// <summary>The main referral process walked along each of its routes, as a case would go.</summary>
public class ViolenceReportReferralTests
{
    [Fact]
    public void Start_OpensTheRiskScreeningForSocialProtection_DueIn24Hours()
    {
        var referral = Scenario.Start(ProcessFile, Report());

        var screening = referral.OpenTask("Task_RiskScreening");
        Assert.Equal(("SocialProtection", null, "risk-screening"), (screening.Agency, screening.Role, screening.FormKey));
        Assert.Equal(referral.Now.AddHours(24), screening.DueAt);
    }

    [Fact]
    public void HighRisk_AlertsTheChair_RunsProtectionAndGroupReviewInParallel_ThenTheChairClosesTheCase()
    {
        var referral = Scenario.Start(ProcessFile, Report());
        var screening = Screening(yes: 15);
        screening["needsShelter"] = true;
        referral.Finish("Task_RiskScreening", screening);

        Assert.Equal(("high", 15), (referral.Text("riskLevel"), referral.Variable("riskScore")!.GetValue<int>()));
        var alert = Assert.Single(referral.Notifications());
        Assert.Equal("Chair", (string?)alert["role"]);
        Assert.StartsWith("High-risk case", (string?)alert["subject"]);
        Assert.Empty(referral.OpenTasks);

        var measures = referral.StartCalled("Call_ProtectiveMeasures");
        var review = referral.StartCalled("Call_GroupReview");
        Assert.Equal(["riskLevel", "childVictim", "needsShelter", "needsMedical", "needsPsychological"],
            measures.State.Variables.Select(v => v.Key));
        Assert.True(measures.Variable("needsShelter")!.GetValue<bool>());

        ProtectWithShortTermOrderAndShelter(measures);
        referral.FinishCalled("Call_ProtectiveMeasures", measures);
        Assert.Empty(referral.OpenTasks);
        ReviewWithoutActions(review);
        referral.FinishCalled("Call_GroupReview", review);

        ApproveClosure(referral);
        Assert.Equal("short-term-order", referral.Text("protectionOrderType"));
        Assert.Equal("Refer the family to the district's family support programme.", referral.Text("groupDecision"));
        Assert.Contains("Flow_HighRouteDone", referral.FlowsTaken);
        Assert.DoesNotContain("Flow_Medium", referral.FlowsTaken);
        Assert.DoesNotContain("Flow_Low", referral.FlowsTaken);
    }

    [Theory]
    [InlineData(14, true, false)]
    [InlineData(2, false, true)]
    public void GraveCase_TakesTheHighRoute_AndTellsTheChairItIsGrave(int yes, bool childVictim, bool seriousInjuries)
    {
        var referral = Scenario.Start(ProcessFile, Report(childVictim, seriousInjuries));

        referral.Finish("Task_RiskScreening", Screening(yes));

        Assert.Equal("grave", referral.Text("riskLevel"));
        Assert.StartsWith("Grave case", (string?)Assert.Single(referral.Notifications())["subject"]);
        var called = referral.Effects.OfType<CalledProcessStarted>().ToList();
        Assert.Equal(["groupReview", "protectiveMeasures"], called.Select(c => c.ProcessId).Order());
        Assert.All(called, c => Assert.Equal(childVictim, c.Variables["childVictim"]!.GetValue<bool>()));
    }

    [Fact]
    public void MediumRisk_RefersToEachChosenAgencyInParallel_DueIn3Days_AndRecordsEachAnswer()
    {
        var referral = Scenario.Start(ProcessFile, Report());
        referral.Finish("Task_RiskScreening", Screening(yes: 8, referTo: ["Police", "Health"]));

        var referrals = referral.OpenTasks;
        Assert.Equal(["Health", "Police"], referrals.Select(t => t.Agency).Order());
        Assert.All(referrals, t => Assert.Equal(("Task_Referral", "referral-response", referral.Now.AddDays(3)), (t.ElementId, t.FormKey, t.DueAt)));

        referral.Finish("Task_Referral", Declined("The victim refused a medical examination."), agency: "Health");
        Assert.Equal(["Police"], referral.OpenTasks.Select(t => t.Agency));
        referral.Finish("Task_Referral", Done("Perpetrator warned; patrol visits twice a week."), agency: "Police");

        var answers = referral.Variable("referralResponses")!.AsArray();
        Assert.Equal([("Health", "declined"), ("Police", "done")], answers.Select(a => ((string)a!["agency"]!, (string)a!["status"]!)));
        Assert.Equal("The victim refused a medical examination.", (string?)answers[0]!["reason"]);
        Assert.Equal(("Task_ClosureApproval", "Chair"), (referral.OpenTasks.Single().ElementId, referral.OpenTasks.Single().Role));
        ApproveClosure(referral);
        Assert.Contains("Flow_Medium", referral.FlowsTaken);
    }

    [Fact]
    public void MediumRisk_ReferralNotAnsweredIn3Days_EscalatesToTheChair_AndTheReferralsStayOpen()
    {
        var referral = Scenario.Start(ProcessFile, Report());
        referral.Finish("Task_RiskScreening", Screening(yes: 9, referTo: ["Police", "Education"]));
        referral.Finish("Task_Referral", Done("Case registered with the district police."), agency: "Police");

        referral.AdvanceAndFire(TimeSpan.FromDays(3));

        var alert = Assert.Single(referral.Notifications());
        Assert.Equal(("Chair", "Referral overdue"), ((string?)alert["role"], (string?)alert["subject"]));
        Assert.Contains("End_ChairAlerted", referral.Entered());
        Assert.Equal("Education", referral.OpenTask("Task_Referral").Agency);
        Assert.Empty(referral.PendingTimers);

        referral.Finish("Task_Referral", Done("School psychologist met the child."));
        ApproveClosure(referral);
    }

    [Fact]
    public void LowRisk_SocialProtectionFollowsUp_AndTheChairCanReturnTheCaseBeforeClosingIt()
    {
        var referral = Scenario.Start(ProcessFile, Report());
        referral.Finish("Task_RiskScreening", Screening(yes: 3));

        var followUp = referral.OpenTask("Task_SocialFollowUp");
        Assert.Equal(("SocialProtection", "follow-up", referral.Now.AddDays(14)), (followUp.Agency, followUp.FormKey, followUp.DueAt));
        referral.Finish("Task_SocialFollowUp", FollowUp(readyForClosure: false));
        referral.Finish("Task_ClosureApproval", Closure("return", "Check school attendance first."));
        referral.Finish("Task_SocialFollowUp", FollowUp(readyForClosure: true));
        ApproveClosure(referral);

        Assert.Equal(["Flow_ToScreening", "Flow_ToScoring", "Flow_ToJudgementCheck", "Flow_JudgementReasoned", "Flow_Low",
            "Flow_FollowUpDone", "Flow_ToClosureApproval", "Flow_ToClosureDecision", "Flow_ClosureReturned",
            "Flow_FollowUpDone", "Flow_ToClosureApproval", "Flow_ToClosureDecision", "Flow_ClosureApproved"], referral.FlowsTaken);
    }

    private static JsonObject Declined(string reason) => new() { ["referralStatus"] = "declined", ["declineReason"] = reason };

    private static JsonObject Done(string note) => new() { ["referralStatus"] = "done", ["outcomeNote"] = note };

    private static void ApproveClosure(TestInstance referral)
    {
        var closure = referral.OpenTask("Task_ClosureApproval");
        Assert.Equal(("Chair", "closure-approval", referral.Now.AddDays(7)), (closure.Role, closure.FormKey, closure.DueAt));
        referral.Finish("Task_ClosureApproval", Closure("approve"));
        Assert.Equal(InstanceStatus.Completed, referral.State.Status);
        Assert.Equal("End_CaseClosed", referral.Entered()[^1]);
    }

    private static void ProtectWithShortTermOrderAndShelter(TestInstance measures)
    {
        measures.Finish("Task_ProtectionOrder", ProtectiveMeasuresTests.Order(days: 30));
        measures.Finish("Task_Shelter", ProtectiveMeasuresTests.SupportProvided());
        measures.AdvanceAndFire(TimeSpan.FromDays(27));
    }

    private static void ReviewWithoutActions(TestInstance review)
    {
        review.Finish("Task_CaseSummary", GroupReviewTests.Summary("Police"));
        review.Finish("Task_AgencyInformation", GroupReviewTests.Information("Two call-outs this year."));
        Scenario.Succeeded(review.Apply(GroupReviewTests.Decision("Refer the family to the district's family support programme.")));
        review.Finish("Task_ConfirmCompletion", new JsonObject { ["chairDecision"] = "confirmed" });
    }
}
