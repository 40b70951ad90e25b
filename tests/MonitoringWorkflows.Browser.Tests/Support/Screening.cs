using System.Text.Json.Nodes;

namespace MonitoringWorkflows.Browser.Tests.Support;

/// <summary>
/// Answers to the Social Protection Centre's risk screening (workflows/forms/risk-screening.form.json) and what the
/// referral process (Task_ScoreRisk, Gateway_RiskLevel) makes of them.
/// </summary>
public static class Screening
{
    /// <summary>
    /// Seven "yes" answers: a score of 7 is medium risk (7–13; 14 or more is high). Medium stays medium only if the
    /// report has fewer than 3 incidents in 12 months and no serious injuries (either makes it high or grave), which
    /// is why <see cref="Report"/>'s defaults keep both low.
    /// </summary>
    public static readonly IReadOnlyList<string> MediumRiskIndicators =
        ["veryFrightened", "fearOfHarm", "isolation", "childrenInHome", "childrenHarmed", "moreFrequent", "gettingWorse"];

    /// <summary>
    /// Medium risk, no raise by professional judgement, referred to <paramref name="agencies"/>: the process opens one
    /// Task_Referral (form referral-response) per agency.
    /// </summary>
    public static JsonObject MediumRiskReferringTo(params string[] agencies) => new()
    {
        ["riskIndicators"] = new JsonArray([.. MediumRiskIndicators.Select(code => JsonValue.Create(code))]),
        ["professionalJudgement"] = "none",
        ["needsShelter"] = false,
        ["needsMedical"] = false,
        ["needsPsychological"] = true,
        ["referralAgencies"] = new JsonArray([.. agencies.Select(agency => JsonValue.Create(agency))]),
        ["consentToShare"] = true,
        ["screeningNotes"] = "Screened by phone with the class teacher present.",
    };
}
