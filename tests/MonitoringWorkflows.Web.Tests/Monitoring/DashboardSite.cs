using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.CasePages;
using MonitoringWorkflows.Web.Tests.Identity.Support;

namespace MonitoringWorkflows.Web.Tests.Monitoring;

/// <summary>
/// A known data set on the real workflows, in the demo district: A recorded and overdue (risk screening), B medium and
/// referred to Police and Health (Police declined), C grave (protective measures at the police's order, group review
/// waiting for the meeting), D low and closed; plus one case in another district, which no demo figure may count.
/// </summary>
internal sealed class DashboardSite : IAsyncDisposable
{
    public const string OtherSecretary = "secretary@other.az";

    private readonly CaseSite site = new();

    public CaseSite Cases => site;
    public string A { get; private set; } = "";
    public string B { get; private set; } = "";
    public string C { get; private set; } = "";
    public string D { get; private set; } = "";
    public string Other { get; private set; } = "";

    public static async Task<DashboardSite> CreateAsync()
    {
        var created = new DashboardSite();
        await created.SeedAsync();
        return created;
    }

    private async Task SeedAsync()
    {
        A = await site.RecordAsync();
        B = await site.RecordAsync();
        C = await site.RecordAsync();
        D = await site.RecordAsync();
        await site.MakeOverdueAsync(A);
        await site.ScreenAsync(B, "Police", "Health");
        var police = await StepAsync(B, "Task_Referral", "Police");
        await CompleteAsync(police.Id, new JsonObject { ["referralStatus"] = "declined", ["declineReason"] = "No officer free." });
        await site.ScreenWithJudgementAsync(C, "raise-to-high");
        await CompleteAsync((await site.OpenStepAsync(C, "Task_CaseSummary")).Id, new JsonObject
        {
            ["caseSummary"] = "Summary.", ["involvedAgencies"] = new JsonArray(),
        });
        await site.ScreenWithJudgementAsync(D, "none");
        await CompleteAsync((await site.OpenStepAsync(D, "Task_SocialFollowUp")).Id, new JsonObject { ["followUpNote"] = "Visited." });
        await CompleteAsync((await site.OpenStepAsync(D, "Task_ClosureApproval")).Id, new JsonObject { ["closureDecision"] = "approve" });
        Other = await OtherDistrictCaseAsync();
    }

    private async Task<UserTaskRecord> StepAsync(string number, string elementId, string agency)
    {
        await using var db = site.Database();
        return await db.UserTasks.AsNoTracking().SingleAsync(t => t.Instance!.BusinessKey == number && t.ElementId == elementId
            && t.Agency == agency && t.Status == UserTaskStatus.Open);
    }

    private async Task CompleteAsync(long taskId, JsonObject data)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<WorkflowRunner>().CompleteTaskAsync(taskId, data, "test", default);
        Assert.True(result.IsOk, result.Message);
    }

    /// <summary>A district "OTHR" with a secretary (no second factor needed) and one recorded case, overdue too.</summary>
    private async Task<string> OtherDistrictCaseAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Persistence.WorkflowDbContext>();
        var district = new District { Code = "OTHR", Name = "Other district" };
        db.Districts.Add(district);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = OtherSecretary, Email = OtherSecretary, DisplayName = "Other secretary", DistrictId = district.Id };
        Assert.True((await users.CreateAsync(user, SiteHost.StrongPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Secretary)).Succeeded);
        var recorded = await scope.ServiceProvider.GetRequiredService<CaseIntake>().RecordAsync(CaseSite.Report(), district.Id, "registrar@other.az", default);
        Assert.True(recorded.Start.IsOk, recorded.Start.Message);
        await site.MakeOverdueAsync(recorded.CaseNumber);
        return recorded.CaseNumber;
    }

    public ValueTask DisposeAsync() => site.DisposeAsync();
}
