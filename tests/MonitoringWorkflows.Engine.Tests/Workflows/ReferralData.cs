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

    /// <summary>The risk screening form as form-js submits it: every checkbox, the first <paramref name="yes"/> ticked.</summary>
    public static JsonObject Screening(int yes, string judgement = "none", string? reason = null, params string[] referTo)
    {
        var data = new JsonObject();
        for (var question = 1; question <= 24; question++) data[$"q{question:00}"] = question <= yes;
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
