using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Tests.Support;

namespace MonitoringWorkflows.Engine.Tests.Workflows;

/// <summary>The protective measures process (called for high-risk and grave cases), with and without a court order.</summary>
public class ProtectiveMeasuresTests
{
    private const string ProcessFile = "protective-measures.bpmn";

    [Fact]
    public void ShortTermOrder_WithEverySupport_RunsSupportAlongside_AndRemindsThePolice3DaysBeforeTheOrderEnds()
    {
        var measures = Start(childVictim: true, needsShelter: true, needsPsychological: true);
        var order = measures.OpenTask("Task_ProtectionOrder");
        Assert.Equal(("Police", "protection-order", measures.Now.AddHours(24)), (order.Agency, order.FormKey, order.DueAt));

        measures.Finish("Task_ProtectionOrder", Order(days: 30));

        Assert.Equal([("Task_Shelter", "SocialProtection", 1), ("Task_HealthHelp", "Health", 2), ("Task_SchoolFollowUp", "Education", 5)],
            measures.OpenTasks.OrderBy(t => t.DueAt).Select(t => (t.ElementId, t.Agency!, (int)(t.DueAt!.Value - measures.Now).TotalDays)));
        Assert.All(measures.OpenTasks, t => Assert.Equal("support-provided", t.FormKey));
        Assert.Equal(measures.Now.AddDays(27), Assert.Single(measures.PendingTimers).DueAt);
        foreach (var task in new[] { "Task_Shelter", "Task_HealthHelp", "Task_SchoolFollowUp" }) measures.Finish(task, SupportProvided());
        Assert.Equal(InstanceStatus.Running, measures.State.Status);

        measures.AdvanceAndFire(TimeSpan.FromDays(27));

        var reminder = Assert.Single(measures.Notifications());
        Assert.Equal(("Police", "Protection order ends soon"), ((string?)reminder["agency"], (string?)reminder["subject"]));
        Assert.Equal(InstanceStatus.Completed, measures.State.Status);
        Assert.Contains("Flow_NoCourt", measures.FlowsTaken);
        Assert.DoesNotContain("Flow_NoSupport", measures.FlowsTaken);
    }

    [Fact]
    public void LongTermOrderViaCourt_TheReminderFollowsTheCourtOrdersDuration()
    {
        var measures = Start();
        var police = Order(days: 30);
        police["longTermOrderNeeded"] = true;
        measures.Finish("Task_ProtectionOrder", police);

        var court = measures.OpenTask("Task_CourtOrder");
        Assert.Equal(("Prosecutor", "court-order", measures.Now.AddDays(30)), (court.Agency, court.FormKey, court.DueAt));
        Assert.Contains("Flow_NoSupport", measures.FlowsTaken);
        Assert.Empty(measures.PendingTimers);

        measures.Now = measures.Now.AddDays(12);
        measures.Finish("Task_CourtOrder", CourtGranted(days: 120));

        Assert.Equal(120, measures.Variable("orderDaysInForce")!.GetValue<int>());
        Assert.Equal(measures.Now.AddDays(117), Assert.Single(measures.PendingTimers).DueAt);
        measures.AdvanceAndFire(TimeSpan.FromDays(117));
        Assert.Equal(InstanceStatus.Completed, measures.State.Status);
        Assert.Contains("Flow_CourtNeeded", measures.FlowsTaken);
    }

    [Fact]
    public void NoOrderIssued_EndsOnceSupportIsDone_WithoutAReminder()
    {
        var measures = Start(needsMedical: true);

        measures.Finish("Task_ProtectionOrder", new JsonObject { ["writtenWarningIssued"] = true, ["orderType"] = "none", ["longTermOrderNeeded"] = false });
        measures.Finish("Task_HealthHelp", SupportProvided());

        Assert.Equal(InstanceStatus.Completed, measures.State.Status);
        Assert.Contains("Flow_NoOrder", measures.FlowsTaken);
        Assert.DoesNotContain(measures.Effects, e => e is TimerScheduled);
    }

    internal static JsonObject Order(int days) => new()
    {
        ["writtenWarningIssued"] = true,
        ["orderType"] = "short-term-order",
        ["orderIssuedAt"] = "2026-11-25T13:30+04:00",
        ["orderDurationDays"] = days,
        ["longTermOrderNeeded"] = false,
        ["policeNote"] = "Perpetrator ordered to leave the flat and keep away from the victim.",
    };

    internal static JsonObject SupportProvided() => new()
    {
        ["supportOutcome"] = "provided",
        ["supportStartedAt"] = "2026-11-26",
        ["supportNote"] = "Arranged by the district centre; follow-up booked.",
    };

    private static JsonObject CourtGranted(int days) => new()
    {
        ["applicationFiledAt"] = "2026-11-27",
        ["courtDecision"] = "granted",
        ["courtOrderDays"] = days,
        ["courtDecisionAt"] = "2026-12-07",
    };

    private static TestInstance Start(bool childVictim = false, bool needsShelter = false, bool needsMedical = false,
        bool needsPsychological = false) => Scenario.Start(ProcessFile, new JsonObject
    {
        ["riskLevel"] = "high",
        ["childVictim"] = childVictim,
        ["needsShelter"] = needsShelter,
        ["needsMedical"] = needsMedical,
        ["needsPsychological"] = needsPsychological,
    }, isCalledProcess: true);
}
