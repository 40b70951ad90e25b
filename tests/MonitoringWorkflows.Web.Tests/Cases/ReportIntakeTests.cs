using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Cases.Support;
using MonitoringWorkflows.Web.Tests.Identity.Support;

namespace MonitoringWorkflows.Web.Tests.Cases;

public sealed class ReportIntakeTests
{
    private static readonly int Year = AzerbaijanTime.Of(TimeProvider.System.GetUtcNow()).Year;

    [Fact]
    public async Task Record_Registrar_CreatesTheFirstCaseOfTheYear_StartsTheReferral_AndOpensRiskScreeningForSocialProtection()
    {
        await using var site = new IntakeSite();
        using var registrar = await site.SignedInAsync("registrar@demo.az");

        var response = await registrar.PostFormAsync(Reports.NewCase, Reports.Valid());

        var number = $"DEMO-{Year}-0001";
        Assert.Equal($"/cases/{number}/registered", SiteClient.RedirectPath(response));
        await using var db = site.Database();
        var saved = await db.Cases.SingleAsync();
        Assert.Equal(number, saved.Number);
        Assert.Equal(CaseStatus.Open, saved.Status);
        Assert.True(saved.VictimConsent);
        Assert.Equal("registrar@demo.az", saved.CreatedBy);
        Assert.Contains("Aysel Məmmədova", saved.ReportJson);
        Assert.Equal(2, System.Text.Json.JsonDocument.Parse(saved.ReportJson).RootElement.GetProperty("victims").GetArrayLength());
        var instance = await db.ProcessInstances.SingleAsync(i => i.Id == saved.ProcessInstanceId);
        Assert.Equal(number, instance.BusinessKey);
        Assert.Equal(ProcessInstanceStatus.Running, instance.Status);
        var variables = System.Text.Json.JsonDocument.Parse(instance.StateJson).RootElement.GetProperty("Variables");
        Assert.True(variables.GetProperty("childVictim").GetBoolean());
        Assert.Equal(9, variables.GetProperty("victimAge").GetInt32());
        Assert.Equal(2, variables.GetProperty("incidentsLast12Months").GetInt32());
        Assert.Equal(number, variables.GetProperty("caseNumber").GetString());
        var task = await db.UserTasks.SingleAsync(t => t.InstanceId == instance.Id && t.Status == UserTaskStatus.Open);
        Assert.Equal("Task_RiskScreening", task.ElementId);
        Assert.Equal("SocialProtection", task.Agency);
        var page = await registrar.GetPageAsync($"/cases/{number}/registered");
        Assert.Equal(number, SiteClient.TestId(page, "case-number"));
        Assert.Contains("Əhalinin Sosial Müdafiə Mərkəzi", page);
    }

    [Fact]
    public async Task Record_TwoReports_AreNumberedOneAndTwo()
    {
        await using var site = new IntakeSite();
        using var registrar = await site.SignedInAsync("registrar@demo.az");

        var first = await registrar.PostFormAsync(Reports.NewCase, Reports.Valid());
        var second = await registrar.PostFormAsync(Reports.NewCase, Reports.Valid());

        Assert.Equal($"/cases/DEMO-{Year}-0001/registered", SiteClient.RedirectPath(first));
        Assert.Equal($"/cases/DEMO-{Year}-0002/registered", SiteClient.RedirectPath(second));
        await using var db = site.Database();
        Assert.Equal(2, await db.ProcessInstances.CountAsync(i => i.BusinessKey!.StartsWith("DEMO-")));
    }

    [Fact]
    public async Task Record_ManyAtOnce_GivesEveryCaseItsOwnNumber()
    {
        await using var site = new IntakeSite();
        int district;
        await using (var db = site.Database()) district = (await db.Districts.SingleAsync(d => d.Code == "DEMO")).Id;

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
        {
            await using var scope = site.Services.CreateAsyncScope();
            var intake = scope.ServiceProvider.GetRequiredService<CaseIntake>();
            return await intake.RecordAsync(Input(), district, "registrar@demo.az", CancellationToken.None);
        })));

        var expected = Enumerable.Range(1, 12).Select(n => $"DEMO-{Year}-{n:0000}").ToHashSet();
        Assert.Equal(expected, results.Select(r => r.CaseNumber).ToHashSet());
        Assert.All(results, r => Assert.Equal(RunOutcome.Ok, r.Start.Outcome));
        await using var check = site.Database();
        Assert.Equal(12, await check.Cases.CountAsync());
        Assert.Equal(12, (await check.CaseNumberCounters.SingleAsync()).LastSequence);
    }

    [Fact]
    public async Task Record_WhenTheProcessCannotStart_KeepsTheCaseAndSaysSo()
    {
        await using var site = new IntakeSite(withWorkflows: false);
        using var registrar = await site.SignedInAsync("registrar@demo.az");

        var response = await registrar.PostFormAsync(Reports.NewCase, Reports.Valid());
        var page = await registrar.GetPageAsync(SiteClient.RedirectPath(response)!);

        await using var db = site.Database();
        var saved = await db.Cases.SingleAsync();
        Assert.Equal(CaseStatus.ProcessNotStarted, saved.Status);
        Assert.Equal(saved.Number, SiteClient.TestId(page, "case-number"));
        Assert.Contains("data-testid=\"start-failed\"", page);
    }

    private static ReportInput Input() => new()
    {
        Channel = "hotline", Victims = [new VictimInput { Age = "16", Sex = "male" }], PerpetratorRelation = "parent",
        ViolenceTypes = ["neglect"], IncidentDate = "2026-02-01", IncidentPlace = "School", Narrative = "Reported by a teacher.",
        Consent = false,
    };
}
