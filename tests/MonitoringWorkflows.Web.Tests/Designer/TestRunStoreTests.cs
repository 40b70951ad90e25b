using Microsoft.Extensions.Time.Testing;
using MonitoringWorkflows.Web.Designer.TestRuns;

namespace MonitoringWorkflows.Web.Tests.Designer;

public sealed class TestRunStoreTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryAdd_BeyondTheOwnersShare_ForgetsTheirLeastRecentlyUsedRun()
    {
        var store = new TestRunStore(time);
        var runs = new List<TestRun>();
        for (var i = 0; i < TestRunStore.PerOwner; i++)
        {
            runs.Add(Run("admin"));
            Assert.True(store.TryAdd(runs[^1]));
            time.Advance(TimeSpan.FromMinutes(1));
        }
        store.Find(runs[0].Id, "admin");

        Assert.True(store.TryAdd(Run("admin")));

        Assert.Equal(TestRunStore.PerOwner, store.Count);
        Assert.NotNull(store.Find(runs[0].Id, "admin"));
        Assert.Null(store.Find(runs[1].Id, "admin"));
    }

    [Fact]
    public void TryAdd_WhenTheHostHoldsAsManyAsItMay_IsRefused()
    {
        var store = new TestRunStore(time);
        for (var i = 0; i < TestRunStore.Total; i++) Assert.True(store.TryAdd(Run($"admin{i}")));

        Assert.False(store.TryAdd(Run("one-more")));
        Assert.Equal(TestRunStore.Total, store.Count);
    }

    [Fact]
    public void Find_ARunIdleLongerThanTheExpiryOrSomeoneElses_IsNotFound()
    {
        var store = new TestRunStore(time);
        var (kept, idle) = (Run("admin"), Run("admin"));
        store.TryAdd(kept);
        store.TryAdd(idle);

        time.Advance(TestRunStore.IdleExpiry / 2);
        Assert.NotNull(store.Find(kept.Id, "admin"));
        time.Advance(TestRunStore.IdleExpiry / 2 + TimeSpan.FromSeconds(1));

        Assert.NotNull(store.Find(kept.Id, "admin"));
        Assert.Null(store.Find(idle.Id, "admin"));
        Assert.Null(store.Find(kept.Id, "someone-else"));
    }

    private TestRun Run(string owner) => new(Guid.NewGuid(), owner, time.GetUtcNow());
}
