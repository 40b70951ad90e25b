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
}
