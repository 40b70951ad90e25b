using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Browser.Tests.Support;

/// <summary>A case's steps as the host's database has them, for checks beside the browser.</summary>
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
}
