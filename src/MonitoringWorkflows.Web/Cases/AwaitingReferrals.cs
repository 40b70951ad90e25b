using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Cases;

public sealed record AwaitingReferral(string CaseNumber, DateTimeOffset RegisteredAt, string DistrictCode);

/// <summary>
/// The cases whose referral process has not started, for those who may start them: every district's for an
/// administrator, their own district's for the chair, none for anyone else. Oldest first: the longest wait first.
/// </summary>
public sealed class AwaitingReferrals(WorkflowDbContext db, ReferralRestart restart)
{
    public const int Limit = 200;

    public async Task<IReadOnlyList<AwaitingReferral>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking();
        var district = user.DistrictIdOf();
        if (!user.IsInRole(Roles.Administrator))
            cases = user.IsInRole(Roles.Chair) && district is not null ? cases.Where(c => c.DistrictId == district) : cases.Where(_ => false);
        return await restart.Awaiting(cases)
            .OrderBy(c => c.Id).Take(Limit)
            .Join(db.Districts, c => c.DistrictId, d => d.Id, (c, d) => new AwaitingReferral(c.Number, c.CreatedAt, d.Code))
            .ToListAsync(cancellationToken);
    }
}
