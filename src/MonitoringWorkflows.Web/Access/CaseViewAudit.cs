using System.Security.Claims;
using MonitoringWorkflows.Web.Cases;

namespace MonitoringWorkflows.Web.Access;

/// <summary>Records every view of a case, before the case is shown: a view that cannot be recorded is not shown.</summary>
public sealed class CaseViewAudit(CaseViewJournal journal, TimeProvider time)
{
    public async Task RecordAsync(ClaimsPrincipal user, CaseRecord viewed, string via, CancellationToken cancellationToken)
    {
        await journal.AppendAsync(new CaseViewRecord
        {
            At = time.GetUtcNow(),
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A case is viewed only by a signed-in user."),
            UserName = user.Identity?.Name ?? "",
            CaseId = viewed.Id,
            CaseNumber = viewed.Number,
            DistrictId = viewed.DistrictId,
            Via = via,
        }, cancellationToken);
    }
}
