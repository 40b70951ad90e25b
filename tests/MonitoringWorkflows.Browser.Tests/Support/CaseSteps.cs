using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Browser.Tests.Support;

/// <summary>A case's steps as the host's database and runner see them, for checks beside the browser.</summary>
public sealed class CaseSteps(BrowserSite site)
{
    /// <summary>The open user tasks of the case's instances (the referral and any called child), oldest first.</summary>
    public async Task<IReadOnlyList<UserTaskRecord>> OpenAsync(string caseNumber)
    {
        await using var db = site.Database();
        return await db.UserTasks.AsNoTracking()
            .Where(t => t.Status == UserTaskStatus.Open && t.Instance!.BusinessKey == caseNumber)
            .OrderBy(t => t.Id)
            .ToListAsync();
    }

    /// <summary>
    /// Completes the case's one open step at <paramref name="elementId"/> straight through the runner: a stand-in for
    /// a page that does not exist yet, so that a scenario can reach the part of the process a page does exist for.
    /// </summary>
    public async Task CompleteAsync(string caseNumber, string elementId, JsonObject data, string actor)
    {
        var step = (await OpenAsync(caseNumber)).Single(t => t.ElementId == elementId);
        var result = await site.Services.GetRequiredService<WorkflowRunner>()
            .CompleteTaskAsync(step.Id, data, actor, CancellationToken.None);
        Assert.True(result.IsOk, $"Completing {elementId} of {caseNumber}: {result.Outcome} {result.Message}");
    }
}
