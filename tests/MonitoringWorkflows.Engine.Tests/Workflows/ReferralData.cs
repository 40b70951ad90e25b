using System.Text.Json.Nodes;

namespace MonitoringWorkflows.Engine.Tests.Workflows;

/// <summary>Realistic data for the referral process: the registered report and the risk screening form.</summary>
internal static class ReferralData
{
    public const string ProcessFile = "violence-report-referral.bpmn";

    public static JsonObject Report(bool childVictim = false, bool seriousInjuries = false, int incidentsLast12Months = 1) => new()
    {
        ["caseNumber"] = "SBL-2026-0117",
        ["victimAge"] = childVictim ? 13 : 34,
        ["childVictim"] = childVictim,
        ["seriousInjuries"] = seriousInjuries,
        ["incidentsLast12Months"] = incidentsLast12Months,
    };

    /// <summary>
    /// The codes of the risk screening's checklist (<c>riskIndicators</c>), in question order, read from the form file
    /// itself: a code the form offers but the scoring script does not know would then fail the scoring tests.
    /// </summary>
    public static IReadOnlyList<string> RiskIndicatorCodes { get; } = RiskIndicatorsChecklist()["values"]!.AsArray()
        .Select(option => (string)option!["value"]!).ToList();

    public static JsonObject RiskIndicatorsChecklist() =>
        JsonNode.Parse(WorkflowFiles.FormJson("risk-screening"))!["components"]!.AsArray()
            .Single(component => (string?)component!["key"] == "riskIndicators")!.AsObject();

    /// <summary>The risk screening form as form-js submits it: the checklist holds the codes of the first <paramref name="yes"/> questions.</summary>
    public static JsonObject Screening(int yes, string judgement = "none", string? reason = null, params string[] referTo) =>
        Screening(Scenario.Array([.. RiskIndicatorCodes.Take(yes)]), judgement, reason, referTo);

    /// <summary>The risk screening form with this value for the checklist, whatever it is.</summary>
    public static JsonObject Screening(JsonNode? riskIndicators, string judgement = "none", string? reason = null, params string[] referTo)
    {
        var data = new JsonObject { ["riskIndicators"] = riskIndicators };
        data["professionalJudgement"] = judgement;
        if (reason is not null) data["judgementReason"] = reason;
        data["needsShelter"] = false;
        data["needsMedical"] = false;
        data["needsPsychological"] = false;
        data["referralAgencies"] = Scenario.Array(referTo);
        data["consentToShare"] = true;
        data["screeningNotes"] = "Seen at the Social Protection Centre with her sister.";
        return data;
    }

    public static JsonObject Closure(string decision, string? note = null) => note is null
        ? new() { ["closureDecision"] = decision }
        : new() { ["closureDecision"] = decision, ["closureNote"] = note };

    public static JsonObject FollowUp(bool readyForClosure) => new()
    {
        ["followUpDate"] = "2026-12-02",
        ["contactType"] = "home-visit",
        ["followUpSummary"] = "The family accepted counselling; no new incident reported.",
        ["newIncident"] = false,
        ["readyForClosure"] = readyForClosure,
    };
}
