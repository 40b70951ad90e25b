using System.Security.Claims;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Inbox;

/// <summary>
/// Whose inbox a user has: an agency member gets the steps of their agency, a chair or secretary the steps for their
/// role, always within their own district. Exactly one of <see cref="Agency"/> and <see cref="Role"/> is set.
/// </summary>
public sealed record InboxHolder(string UserId, string UserName, int DistrictId, string? Agency, string? Role);

/// <summary>
/// The one rule of who sees which step, used by every query of the inbox pages and the API. A step belongs to a
/// district through its case: the instance's business key is the case number. A step outside the rule is treated as
/// one that does not exist, so an id never tells whether there is a step behind it.
/// </summary>
public static class StepAccess
{
    /// <summary>The user's inbox, or null when they have none (no district, or no role that takes steps).</summary>
    public static InboxHolder? HolderOf(ClaimsPrincipal user)
    {
        if (user.DistrictIdOf() is not { } district) return null;
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id || user.Identity?.Name is not { } name) return null;
        // One inbox per user: an agency member's agency first, then the chair's, then the secretary's role.
        if (user.IsInRole(Roles.AgencyMember) && user.AgencyCodeOf() is { } agency) return new(id, name, district, agency, null);
        if (user.IsInRole(Roles.Chair)) return new(id, name, district, null, Roles.Chair);
        if (user.IsInRole(Roles.Secretary)) return new(id, name, district, null, Roles.Secretary);
        return null;
    }

    /// <summary>
    /// The steps <paramref name="holder"/> may see. Agency (or role) and district are compared with a parameter each,
    /// which the partial indexes on open and done steps serve as one range; the step's district is its case's.
    /// </summary>
    public static IQueryable<UserTaskRecord> VisibleTo(this IQueryable<UserTaskRecord> steps, InboxHolder holder)
    {
        var (district, role) = (holder.DistrictId, holder.Role);
        var scoped = holder.Agency is { } agency
            ? steps.Where(t => t.Agency == agency)
            : steps.Where(t => t.Role == role);
        return scoped.Where(t => t.DistrictId == district);
    }
}
