using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Access;

/// <summary>How much of a case a user may see, from most to least.</summary>
public enum CaseSight
{
    /// <summary>The chair and the secretary: every case of their district, all of it.</summary>
    Whole,

    /// <summary>An agency member whose agency holds or held a step on the case: what that agency needs.</summary>
    Agency,

    /// <summary>The registrar who recorded the report: the report and where the case stands.</summary>
    Recorded,
}

/// <summary>A case the user may see, with how much of it.</summary>
public sealed record VisibleCase(CaseRecord Case, CaseSight Sight);

/// <summary>
/// Need-to-know, enforced on the server for pages and API alike. Nobody sees a case of another district; national
/// users (analysts, national administrators) see no case at all, and administrators see none of a case's content by
/// virtue of administering. A case the user may not see is answered exactly like a case that does not exist.
/// </summary>
public sealed class CaseAccess(WorkflowDbContext db)
{
    /// <summary>The cases <paramref name="user"/> may see, as a query to filter, sort and page further.</summary>
    public IQueryable<CaseRecord> VisibleTo(ClaimsPrincipal user)
    {
        var rights = Rights.Of(user);
        if (rights.District is not { } district) return db.Cases.Where(_ => false);
        var (whole, agency, recorder) = (rights.Whole, rights.Agency, rights.Recorder);
        return db.Cases.Where(c => c.DistrictId == district && (
            whole
            || (agency != null && db.UserTasks.Any(t => t.Agency == agency && t.Instance!.BusinessKey == c.Number))
            || (recorder != null && c.CreatedBy == recorder)));
    }

    /// <summary>The case numbered <paramref name="caseNumber"/> if <paramref name="user"/> may see it; otherwise null, as for no such case.</summary>
    public async Task<VisibleCase?> FindAsync(ClaimsPrincipal user, string caseNumber, CancellationToken cancellationToken)
    {
        var rights = Rights.Of(user);
        var agency = rights.Agency;
        await db.KeepConnectionOpenAsync(cancellationToken);
        // The case and whether the user's agency holds a step on it, in the one query that finds it.
        var found = await VisibleTo(user).AsNoTracking().Where(c => c.Number == caseNumber)
            .Select(c => new { Case = c, AgencyInvolved = agency != null && db.UserTasks.Any(t => t.Agency == agency && t.Instance!.BusinessKey == c.Number) })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null) return null;
        var sight = rights.Whole ? CaseSight.Whole : found.AgencyInvolved ? CaseSight.Agency : CaseSight.Recorded;
        return new VisibleCase(found.Case, sight);
    }

    /// <summary>What the principal's claims entitle it to; read once per request from the cookie, no database read.</summary>
    private sealed record Rights(int? District, bool Whole, string? Agency, string? Recorder)
    {
        public static Rights Of(ClaimsPrincipal user) => new(
            user.DistrictIdOf(),
            user.IsInRole(Roles.Chair) || user.IsInRole(Roles.Secretary),
            user.IsInRole(Roles.AgencyMember) ? user.AgencyCodeOf() : null,
            user.IsInRole(Roles.Registrar) ? user.Identity?.Name : null);
    }
}
