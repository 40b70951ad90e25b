using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Tests.Support;

namespace MonitoringWorkflows.Engine.Tests.Workflows;

/// <summary>The group review of a grave case: summary, agencies' information, the meeting's decision, its actions.</summary>
public class GroupReviewTests
{
    private const string ProcessFile = "group-review.bpmn";

    [Fact]
    public void DecisionWithTwoActions_OpensATaskPerAgency_DueAsDecided_ThenTheChairConfirms()
    {
        var review = StartReview();
        var summary = review.OpenTask("Task_CaseSummary");
        Assert.Equal(("Secretary", "case-summary", review.Now.AddDays(2)), (summary.Role, summary.FormKey, summary.DueAt));
        review.Finish("Task_CaseSummary", Summary("Police", "Education"));
        Assert.Equal(["Education", "Police"], review.OpenTasks.Select(t => t.Agency).Order());
        Assert.All(review.OpenTasks, t => Assert.Equal(("agency-information", review.Now.AddDays(3)), (t.FormKey, t.DueAt)));
        review.Finish("Task_AgencyInformation", Information("Two call-outs to the address since March."), agency: "Police");
        review.Finish("Task_AgencyInformation", Information("The boy misses school on Mondays."), agency: "Education");

        var agenda = Assert.Single(review.Notifications());
        Assert.Equal(("Secretary", "Grave case ready for the next meeting"), ((string?)agenda["role"], (string?)agenda["subject"]));
        Scenario.Succeeded(review.Apply(Decision("Protect the child and support the mother.",
            Action("Police", "Visit the family weekly until the order ends.", "P7D"),
            Action("Education", "Arrange sessions with the school psychologist.", null))));

        var actions = review.OpenTasks.OrderBy(t => t.DueAt).ToList();
        Assert.Equal([("Police", 7), ("Education", 14)], actions.Select(t => (t.Agency!, (int)(t.DueAt!.Value - review.Now).TotalDays)));
        Assert.All(actions, t => Assert.Equal(("Task_CarryOutAction", "action-completion"), (t.ElementId, t.FormKey)));
        Assert.Equal("Visit the family weekly until the order ends.", (string?)actions[0].Input!["actionDescription"]);
        review.Finish("Task_CarryOutAction", Completion("Four visits made; no new incident."), agency: "Police");
        review.Finish("Task_CarryOutAction", Completion("Six sessions held."), agency: "Education");

        var confirmation = review.OpenTask("Task_ConfirmCompletion");
        Assert.Equal(("Chair", "chair-confirmation"), (confirmation.Role, confirmation.FormKey));
        review.Finish("Task_ConfirmCompletion", new JsonObject { ["chairDecision"] = "confirmed" });
        Assert.Equal(InstanceStatus.Completed, review.State.Status);
        Assert.Equal(2, review.Variable("agencyContributions")!.AsArray().Count);
        Assert.Equal(["Police", "Education"], review.Variable("actionResults")!.AsArray().Select(a => (string)a!["agency"]!));
    }

    [Fact]
    public void ChairPutsTheCaseBackOnTheAgenda_TheNextMeetingsDecisionIsAwaited()
    {
        var review = StartReview();
        review.Finish("Task_CaseSummary", Summary("Health"));
        review.Finish("Task_AgencyInformation", Information("Treated for a broken wrist in October."));
        Scenario.Succeeded(review.Apply(Decision("Medical follow-up.", Action("Health", "Follow up the treatment.", "P14D"))));
        review.Finish("Task_CarryOutAction", Completion("Patient did not attend."));

        review.Finish("Task_ConfirmCompletion", new JsonObject { ["chairDecision"] = "back-to-agenda", ["chairNote"] = "Not attended." });

        Assert.Contains("Flow_BackOnAgenda", review.FlowsTaken);
        Assert.Equal(2, review.Notifications().Count);
        Assert.Empty(review.OpenTasks);
        Scenario.Succeeded(review.Apply(Decision("Home visit by a nurse instead.")));
        review.Finish("Task_ConfirmCompletion", new JsonObject { ["chairDecision"] = "confirmed" });
        Assert.Equal(InstanceStatus.Completed, review.State.Status);
    }

    [Fact]
    public void DecisionBeforeTheCaseIsOnTheAgenda_IsRefused()
    {
        var review = StartReview();

        var result = review.Apply(Decision("Too early."));

        Assert.Equal("MESSAGE001", result.Rejection?.Code);
        Assert.Equal("Task_CaseSummary", review.OpenTasks.Single().ElementId);
    }

    internal static JsonObject Summary(params string[] agencies) => new()
    {
        ["caseSummary"] = "Mother (34) and son (13); repeated assaults by the father; short-term order issued.",
        ["involvedAgencies"] = Scenario.Array(agencies),
        ["proposedMeetingDate"] = "2026-12-10",
    };

    internal static JsonObject Information(string text) => new() { ["agencyInformation"] = text };

    internal static ReceiveMessage Decision(string decision, params JsonObject[] actions) =>
        new("groupReviewDecision", new JsonObject { ["decision"] = decision, ["actions"] = new JsonArray(actions) });

    private static JsonObject Action(string agency, string description, string? dueIn)
    {
        var action = new JsonObject { ["agency"] = agency, ["description"] = description };
        if (dueIn is not null) action["dueIn"] = dueIn;
        return action;
    }

    private static JsonObject Completion(string note) => new()
    {
        ["actionOutcome"] = "done",
        ["completedAt"] = "2026-12-20",
        ["actionNote"] = note,
    };

    private static TestInstance StartReview() => Scenario.Start(ProcessFile, new JsonObject
    {
        ["riskLevel"] = "grave",
        ["riskScore"] = 17,
        ["escalated"] = false,
        ["childVictim"] = true,
    }, isCalledProcess: true);
}
