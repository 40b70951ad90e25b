using System.Text.Json.Nodes;

namespace MonitoringWorkflows.Web.Cases;

/// <summary>
/// What the referral process reads from the report (see workflows/violence-report-referral.bpmn): its gateways and
/// scripts use caseNumber, victimAge, childVictim, seriousInjuries and incidentsLast12Months. Names and contacts are
/// left out: they stay on the case, shown to whoever may see it.
/// </summary>
internal static class StartVariables
{
    public static JsonObject For(string caseNumber, ReportInput input)
    {
        var victims = input.Victims.Where(v => !v.IsBlank)
            .Select(v => new { Age = ReportCheck.Age(v)!.Value, v.Sex })
            .ToList();
        var youngest = victims.Min(v => v.Age);
        var variables = new JsonObject
        {
            ["caseNumber"] = caseNumber,
            ["channel"] = input.Channel,
            ["victims"] = new JsonArray(victims
                .Select(v => (JsonNode)new JsonObject { ["age"] = v.Age, ["sex"] = v.Sex, ["child"] = v.Age < ReportChoices.AdultAge })
                .ToArray()),
            ["victimAge"] = youngest,
            ["childVictim"] = youngest < ReportChoices.AdultAge,
            ["perpetratorRelation"] = input.PerpetratorRelation,
            ["violenceTypes"] = new JsonArray(input.ViolenceTypes.Distinct().Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            ["incidentDate"] = input.IncidentDate,
            ["seriousInjuries"] = input.SeriousInjuries,
            ["victimConsent"] = input.Consent == true,
        };
        // Absent rather than 0 when nobody knows: the scoring script treats a missing count as no escalation.
        if (ReportCheck.IncidentCount(input) is { } count) variables["incidentsLast12Months"] = count;
        return variables;
    }
}
