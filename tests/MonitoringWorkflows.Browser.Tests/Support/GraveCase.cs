using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Browser.Tests.Support;

/// <summary>
/// A grave case brought, through the host's own intake and runner, to the point where its group review waits for the
/// meeting: a child victim screened as high (which makes it grave), the secretary's summary, the police's information.
/// The browser tests of other features walk those steps in the browser; the meeting scenario starts after them.
/// </summary>
public static class GraveCase
{
    public static async Task<string> WaitingForReviewAsync(BrowserSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var district = await site.Database().Districts.SingleAsync(d => d.Code == "DEMO");
        var report = new ReportInput
        {
            Channel = "phone", ReporterName = "Aysel Məmmədova", Victims = [new VictimInput { Age = "9", Sex = "female" }],
            PerpetratorRelation = "parent", ViolenceTypes = ["physical"], IncidentDate = "2026-01-15", IncidentPlace = "Home, Demo village",
            IncidentsLast12Months = "1", Narrative = "Neighbour heard shouting.", Consent = true,
        };
        var recorded = await scope.ServiceProvider.GetRequiredService<CaseIntake>().RecordAsync(report, district.Id, DemoLogins.Registrar, default);
        Assert.True(recorded.Start.IsOk, recorded.Start.Message);
        var number = recorded.CaseNumber;
        await CompleteAsync(site, number, "Task_RiskScreening", new JsonObject
        {
            ["riskIndicators"] = new JsonArray(), ["professionalJudgement"] = "raise-to-high", ["judgementReason"] = "Bruises seen.",
            ["referralAgencies"] = new JsonArray(), ["consentToShare"] = true,
        }, DemoLogins.SocialProtection);
        await CompleteAsync(site, number, "Task_CaseSummary", new JsonObject
        {
            ["caseSummary"] = "Repeated assaults at home.", ["involvedAgencies"] = new JsonArray("Police"),
        }, DemoLogins.Secretary);
        await CompleteAsync(site, number, "Task_AgencyInformation", new JsonObject { ["agencyInformation"] = "Two call-outs." }, DemoLogins.Police);
        return number;
    }

    private static async Task CompleteAsync(BrowserSite site, string number, string elementId, JsonObject data, string actor)
    {
        long step;
        await using (var db = site.Database())
            step = await db.UserTasks.Where(t => t.Instance!.BusinessKey == number && t.ElementId == elementId && t.Status == UserTaskStatus.Open)
                .Select(t => t.Id).FirstAsync();
        var result = await site.Services.GetRequiredService<WorkflowRunner>().CompleteTaskAsync(step, data, actor, default);
        Assert.True(result.IsOk, result.Message);
    }
}
