using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Identity.Support;
using MonitoringWorkflows.Web.Tests.Inbox.Support;

namespace MonitoringWorkflows.Web.Tests.Inbox;

public sealed class InboxListTests
{
    [Fact]
    public async Task List_OpenSteps_SoonestDueFirst_UndatedLast_AndEachFilterKeepsItsOwn()
    {
        await using var site = new InboxSite();
        var (overdue, later, undated) = (await site.RecordCaseAsync(), await site.RecordCaseAsync(), await site.RecordCaseAsync());
        var now = DateTimeOffset.UtcNow;
        await SetDueAsync(site, undated, null);
        await SetDueAsync(site, later, now.AddDays(5));
        await SetDueAsync(site, overdue, now.AddHours(-1));
        using var social = await site.SignedInAsync("social@demo.az");
        var laterStep = await site.OpenStepAsync(later, "Task_RiskScreening");
        Assert.True((await social.PostAsync($"/api/tasks/{laterStep.Id}/claim")).IsSuccessStatusCode);

        Assert.Equal([overdue, later, undated], await CasesAsync(social, ""));
        Assert.Equal([overdue, undated], await CasesAsync(social, "unclaimed"));
        Assert.Equal([later], await CasesAsync(social, "mine"));
        Assert.Equal([overdue], await CasesAsync(social, "overdue"));
        Assert.Empty(await CasesAsync(social, "done"));
    }

    [Fact]
    public async Task List_Done_ShowsStepsCompletedByTheAgency_NewestFirst()
    {
        await using var site = new InboxSite();
        var (first, second) = (await site.RecordCaseAsync(), await site.RecordCaseAsync());
        var runner = (WorkflowRunner)site.Services.GetService(typeof(WorkflowRunner))!;
        foreach (var number in new[] { first, second })
        {
            var step = await site.OpenStepAsync(number, "Task_RiskScreening");
            Assert.Equal(RunOutcome.Ok, (await runner.CompleteTaskAsync(step.Id, new JsonObject { ["professionalJudgement"] = "none" },
                "social@demo.az", CancellationToken.None)).Outcome);
        }
        using var social = await site.SignedInAsync("social@demo.az");
        using var police = await site.SignedInAsync("police@demo.az");

        Assert.Equal([second, first], await CasesAsync(social, "done"));
        Assert.Empty(await CasesAsync(police, "done"));
    }

    [Fact]
    public async Task Page_MarksOverdueSteps_AndSaysWhenAFilterHasNothing()
    {
        await using var site = new InboxSite();
        var number = await site.RecordCaseAsync();
        await SetDueAsync(site, number, DateTimeOffset.UtcNow.AddHours(-2));
        using var social = await site.SignedInAsync("social@demo.az");

        var all = await social.GetPageAsync("/inbox");
        var mine = await social.GetPageAsync("/inbox?filter=mine");

        Assert.Contains("class=\"overdue\"", all);
        Assert.Contains("Vaxtı keçib", all);
        Assert.Contains("Riskin qiymətləndirilməsi", all);
        Assert.Equal("Siz heç bir addım götürməmisiniz.", SiteClient.TestId(mine, "empty"));
    }

    [Fact]
    public async Task List_MoreThanAPage_PagesByFifty_WithTheUndatedAtTheEnd()
    {
        await using var site = new InboxSite();
        var dated = await site.RecordCaseAsync();
        var undated = await site.RecordCaseAsync();
        await SetDueAsync(site, undated, null);
        var template = await site.OpenStepAsync(dated, "Task_RiskScreening");
        await using (var db = site.Database())
        {
            for (var i = 1; i <= 55; i++)
                db.UserTasks.Add(new UserTaskRecord
                {
                    InstanceId = template.InstanceId, TaskId = 1000 + i, ElementId = template.ElementId, Name = template.Name,
                    Agency = template.Agency, DistrictId = template.DistrictId, FormKey = template.FormKey, CreatedAt = template.CreatedAt,
                    DueAt = template.DueAt!.Value.AddMinutes(i), Status = UserTaskStatus.Open,
                });
            await db.SaveChangesAsync();
        }
        using var social = await site.SignedInAsync("social@demo.az");

        var first = await (await social.Http.GetAsync("/api/tasks?page=1")).JsonAsync();
        var second = await (await social.Http.GetAsync("/api/tasks?page=2")).JsonAsync();

        Assert.Equal(50, first["items"]!.AsArray().Count);
        Assert.True(first["hasNext"]!.GetValue<bool>());
        var rest = second["items"]!.AsArray();
        Assert.Equal(7, rest.Count);
        Assert.False(second["hasNext"]!.GetValue<bool>());
        Assert.Equal(undated, rest[^1]!["caseNumber"]!.GetValue<string>());
        var dues = first["items"]!.AsArray().Concat(rest.Take(6)).Select(i => i!["dueAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(dues.Order(), dues);
    }

    private static async Task<List<string>> CasesAsync(SiteClient client, string filter)
    {
        var list = await (await client.Http.GetAsync($"/api/tasks?filter={filter}")).JsonAsync();
        return list["items"]!.AsArray().Select(i => i!["caseNumber"]!.GetValue<string>()).ToList();
    }

    private static async Task SetDueAsync(InboxSite site, string caseNumber, DateTimeOffset? due)
    {
        var step = await site.OpenStepAsync(caseNumber, "Task_RiskScreening");
        await using var db = site.Database();
        await db.UserTasks.Where(t => t.Id == step.Id).ExecuteUpdateAsync(set => set.SetProperty(t => t.DueAt, due));
    }
}
