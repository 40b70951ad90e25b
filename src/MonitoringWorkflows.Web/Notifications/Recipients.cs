using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Notifications;

/// <summary>A person to tell: their user id and e-mail address.</summary>
public sealed record Recipient(string UserId, string? Email);

/// <summary>
/// Who holds an agency or a role in a district: the agency's members, or the role's holders, of that district only;
/// users locked out (deactivated) are left out. Answers are kept for one pass, where many steps share holders.
/// </summary>
internal sealed class Recipients(WorkflowDbContext db, DateTimeOffset now)
{
    private readonly Dictionary<(int, string?, string?), IReadOnlyList<Recipient>> known = [];

    /// <summary>The holders of a step or a notify action: the agency's members if it names an agency, else the role's holders.</summary>
    public async Task<IReadOnlyList<Recipient>> HoldersAsync(int districtId, string? agency, string? role, CancellationToken cancellationToken)
    {
        var key = (districtId, agency, agency is null ? role : null);
        if (known.TryGetValue(key, out var found)) return found;
        var holders = agency is not null
            ? await QueryAsync(districtId, Roles.AgencyMember, agency, cancellationToken)
            : role is not null ? await QueryAsync(districtId, role, null, cancellationToken) : [];
        known[key] = holders;
        return holders;
    }

    public Task<IReadOnlyList<Recipient>> ChairsAsync(int districtId, CancellationToken cancellationToken) =>
        HoldersAsync(districtId, null, Roles.Chair, cancellationToken);

    private async Task<IReadOnlyList<Recipient>> QueryAsync(int districtId, string role, string? agency, CancellationToken cancellationToken)
    {
        var roleId = db.Roles.Where(r => r.Name == role).Select(r => r.Id);
        var users = db.Users.Where(u => u.DistrictId == districtId
            && (u.LockoutEnd == null || u.LockoutEnd <= now)
            && db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)));
        if (agency is not null) users = users.Where(u => u.AgencyCode == agency);
        return await users.OrderBy(u => u.Id).Select(u => new Recipient(u.Id, u.Email)).ToListAsync(cancellationToken);
    }
}
