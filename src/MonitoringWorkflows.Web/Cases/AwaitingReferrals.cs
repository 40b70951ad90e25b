using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Cases;

public sealed record AwaitingReferral(string CaseNumber, DateTimeOffset RegisteredAt, string DistrictCode);

/// <summary>
/// The cases whose referral process has not started, for those who may start them: every district's for an
/// administrator, their own district's for the chair, none for anyone else. By district, oldest first in each.
/// </summary>
public sealed class AwaitingReferrals(WorkflowDbContext db, TimeProvider time)
{
    public const int Limit = 200;

    public async Task<IReadOnlyList<AwaitingReferral>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await Query(user).ToListAsync(cancellationToken);

    /// <summary>The list as a query; internal for the plan tests (it must read the partial index, not every case).</summary>
    internal IQueryable<AwaitingReferral> Query(ClaimsPrincipal user)
    {
        var cases = db.Cases.AsNoTracking();
        var district = user.DistrictIdOf();
        if (!user.IsInRole(Roles.Administrator))
            cases = user.IsInRole(Roles.Chair) && district is not null ? cases.Where(c => c.DistrictId == district) : cases.Where(_ => false);
        return AwaitingStart.Among(cases, time.GetUtcNow())
            // The partial index's order: no sort, and no walk through the cases that started.
            .OrderBy(c => c.DistrictId).ThenBy(c => c.Year).ThenBy(c => c.Sequence).Take(Limit)
            .Join(db.Districts, c => c.DistrictId, d => d.Id, (c, d) => new AwaitingReferral(c.Number, c.CreatedAt, d.Code));
    }
}
