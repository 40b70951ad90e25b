using System.Collections.Concurrent;

namespace MonitoringWorkflows.Web.Designer.TestRuns;

/// <summary>
/// The test runs in memory, each visible to the administrator who started it only. A run unused for
/// <see cref="IdleExpiry"/> is forgotten; an administrator keeps at most <see cref="PerOwner"/> (starting one more
/// forgets their least recently used), and the host at most <see cref="Total"/>, so test runs cannot eat the memory.
/// </summary>
public sealed class TestRunStore(TimeProvider time)
{
    public const int PerOwner = 5;
    public const int Total = 100;
    public static readonly TimeSpan IdleExpiry = TimeSpan.FromHours(2);

    private readonly ConcurrentDictionary<Guid, TestRun> runs = new();
    private readonly Lock sync = new();

    public int Count => runs.Count;

    /// <summary>Keeps a new run; false when the host already holds as many as it may.</summary>
    public bool TryAdd(TestRun run)
    {
        lock (sync)
        {
            Prune();
            var own = runs.Values.Where(r => r.Owner == run.Owner).OrderBy(r => r.LastUsedAt).ToList();
            foreach (var old in own.Take(Math.Max(0, own.Count - PerOwner + 1))) runs.TryRemove(old.Id, out _);
            if (runs.Count >= Total) return false;
            return runs.TryAdd(run.Id, run);
        }
    }

    /// <summary>The owner's run, touched; null for a run that does not exist, expired or is someone else's.</summary>
    public TestRun? Find(Guid id, string owner)
    {
        if (!runs.TryGetValue(id, out var run) || run.Owner != owner) return null;
        var now = time.GetUtcNow();
        if (now - run.LastUsedAt > IdleExpiry)
        {
            runs.TryRemove(id, out _);
            return null;
        }
        run.LastUsedAt = now;
        return run;
    }

    public bool Remove(Guid id, string owner) => Find(id, owner) is not null && runs.TryRemove(id, out _);

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var run in runs.Values.Where(r => now - r.LastUsedAt > IdleExpiry).ToList()) runs.TryRemove(run.Id, out _);
    }
}
