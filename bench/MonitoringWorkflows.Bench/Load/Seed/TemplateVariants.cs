using System.Text.Json.Nodes;
using MonitoringWorkflows.Bench.InMemory;
using MonitoringWorkflows.Web.Cases;

namespace MonitoringWorkflows.Bench.Load.Seed;

/// <summary>One kind of case: the report as a registrar records it and the route its risk screening gives it.</summary>
internal sealed record TemplateVariant(string Name, ReportInput Report, ScenarioRoute Route, int Weight);

/// <summary>
/// The kinds of case the history is made of, from <c>bench/scenarios/referral.json</c> (the routes and form answers the
/// engine benchmark uses) with reports of the form's shape, plus a grave case with a child victim and a referral to
/// three agencies. Weights: most reports are low risk, few are grave.
/// </summary>
internal static class TemplateVariants
{
    public static IReadOnlyList<TemplateVariant> All(Scenario scenario)
    {
        var high = scenario.Routes.Single(r => r.Name == "high");
        var medium = scenario.Routes.Single(r => r.Name == "medium");
        var low = scenario.Routes.Single(r => r.Name == "low");
        return
        [
            new("low", Report(41, "female", "phone", "partner", ["psychological"], "0", false,
                "Qonşu səs-küy və hədə-qorxu barədə məlumat verdi."), low, 40),
            new("low-economic", Report(58, "female", "walkIn", "otherFamily", ["economic", "psychological"], "", false,
                "Oğlu pensiyasını əlindən alır, evdən çıxmağa qoymur."), low, 20),
            new("medium", Report(27, "female", "hotline", "partner", ["psychological", "physical"], "0", false,
                "Ərinin nəzarəti və qısqanclığı; xəsarət yoxdur."), medium, 20),
            new("medium-three", Report(33, "female", "agencyReferral", "formerPartner", ["physical"], "1", false,
                "Keçmiş əri onu izləyir; uşaqlar evdədir."), WithScreening(medium, "medium-three", ["Police", "Health", "Education"]), 10),
            new("high", Report(34, "female", "phone", "partner", ["physical", "psychological"], "1", false,
                "Bıçaqla dəfələrlə hədələyib; qadın evi tərk etmək istəyir."), high, 7),
            new("grave-child", Report(11, "male", "agencyReferral", "parent", ["physical", "neglect"], "2", false,
                "Məktəb müəllimi uşağın bədənində izlər gördü."), high, 3),
        ];
    }

    private static ScenarioRoute WithScreening(ScenarioRoute route, string name, string[] agencies)
    {
        var forms = route.Forms.DeepClone().AsObject();
        forms["risk-screening"]!["referralAgencies"] = new JsonArray(agencies.Select(a => (JsonNode)JsonValue.Create(a)).ToArray());
        return route with { Name = name, Forms = forms };
    }

    private static ReportInput Report(int age, string sex, string channel, string relation, string[] types, string incidents,
        bool injuries, string narrative) => new()
    {
        Channel = channel, ReporterName = "Aynur Məmmədova", ReporterRelation = "qonşu", ReporterContact = "050 123 45 67",
        Victims = [new VictimInput { Age = age.ToString(System.Globalization.CultureInfo.InvariantCulture), Sex = sex }],
        PerpetratorRelation = relation, ViolenceTypes = [.. types], IncidentDate = "2026-01-02", IncidentPlace = "Ev, Nizami küç.",
        IncidentsLast12Months = incidents, SeriousInjuries = injuries, Narrative = narrative, Consent = true,
    };
}
