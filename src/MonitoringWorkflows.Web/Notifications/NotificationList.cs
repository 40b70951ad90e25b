using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Notifications;

/// <summary>
/// One user's notifications, for the bell, the page and the API. Every query is bound to the signed-in user's id:
/// another user's notification is answered exactly as one that does not exist.
/// </summary>
public sealed class NotificationList(WorkflowDbContext db, TimeProvider time, UnreadCounts counts)
{
    public const int PageSize = 100;

    private IQueryable<NotificationRecord> Of(ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return db.Set<NotificationRecord>().Where(n => userId != null && n.RecipientId == userId);
    }

    /// <summary>The bell counts this far and then says "99+": it is drawn on every page, and a user back from leave
    /// may have thousands unread, which an exact count would walk on every page they open.</summary>
    public const int BellCap = 99;

    /// <summary>The unread count, up to <see cref="BellCap"/> + 1 (meaning more than the cap).</summary>
    public Task<int> UnreadCountAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? counts.GetAsync(userId, () => Of(user).Where(n => n.ReadAt == null).Take(BellCap + 1).CountAsync(cancellationToken))
            : Task.FromResult(0);

    /// <summary>The newest <see cref="PageSize"/> notifications, newest first.</summary>
    public Task<List<NotificationRecord>> NewestAsync(ClaimsPrincipal user, bool unreadOnly, CancellationToken cancellationToken)
    {
        var query = Of(user).AsNoTracking();
        if (unreadOnly) query = query.Where(n => n.ReadAt == null);
        return query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(PageSize).ToListAsync(cancellationToken);
    }

    /// <summary>Marks one read; false when the user has no such notification. Reading it again changes nothing.</summary>
    public async Task<bool> MarkReadAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        var mine = Of(user).Where(n => n.Id == id);
        if (!await mine.AnyAsync(cancellationToken)) return false;
        var now = time.GetUtcNow();
        await mine.Where(n => n.ReadAt == null).ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        Forget(user);
        return true;
    }

    /// <summary>Marks every unread one read; returns how many were.</summary>
    public async Task<int> MarkAllReadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var marked = await Of(user).Where(n => n.ReadAt == null).ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        Forget(user);
        return marked;
    }

    private void Forget(ClaimsPrincipal user)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId) counts.Forget(userId);
    }
}
