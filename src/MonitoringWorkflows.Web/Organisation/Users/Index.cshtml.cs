using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Organisation.Users;

public sealed record UserRow(
    string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string? DistrictName,
    string? AgencyCode, string? AgencyName, bool TwoFactor, bool LockedOut, bool MustChangePassword);

/// <summary>Every user with their place in the organisation; administrators lock and unlock accounts here.</summary>
public sealed class IndexModel(
    UserManager<ApplicationUser> users, WorkflowDbContext db, TimeProvider time, IStringLocalizer<OrganisationText> text) : PageModel
{
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    /// <summary>The administrator looking at the list: no lock button on their own row.</summary>
    public string? CurrentUserId => users.GetUserId(User);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var roles = (await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name ?? "");
        var now = time.GetUtcNow();
        var list = await db.Users.AsNoTracking().Include(u => u.District).Include(u => u.Agency)
            .OrderBy(u => u.Email).ToListAsync(cancellationToken);
        Rows = list.Select(u => new UserRow(
            u.Id, u.Email ?? "", u.DisplayName, roles[u.Id].ToList(), u.District?.Name, u.AgencyCode, u.Agency?.Name,
            u.TwoFactorEnabled, u.LockoutEnd > now, u.MustChangePassword)).ToList();
    }

    public async Task<IActionResult> OnPostLockAsync(string id)
    {
        if (id == users.GetUserId(User))
        {
            TempData["Status"] = text["Users_CannotLockSelf"].Value;
            return RedirectToPage();
        }
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        // A new stamp ends the sessions the user already has, at their next check.
        await users.UpdateSecurityStampAsync(user);
        TempData["Status"] = text["Users_Locked", user.Email ?? ""].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Status"] = text["Users_Unlocked", user.Email ?? ""].Value;
        return RedirectToPage();
    }
}
