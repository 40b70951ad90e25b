using System.Collections.Concurrent;

namespace MonitoringWorkflows.Web.Notifications;

/// <summary>
/// The bell's unread counts, remembered for a few seconds per user: the bell is drawn on every page, and its query was
/// a sizeable share of a page's cost. A user's own reading forgets their count at once, and so does every notification
/// written for them by this host; another host's writes show within <see cref="Lifetime"/>.
/// </summary>
public sealed class UnreadCounts(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Until)> counts = new(StringComparer.Ordinal);

    public async Task<int> GetAsync(string userId, Func<Task<int>> count)
    {
        var now = time.GetUtcNow();
        if (counts.TryGetValue(userId, out var known) && known.Until > now) return known.Count;
        var fresh = await count();
        counts[userId] = (fresh, now + Lifetime);
        return fresh;
    }

    public void Forget(string userId) => counts.TryRemove(userId, out _);
}
