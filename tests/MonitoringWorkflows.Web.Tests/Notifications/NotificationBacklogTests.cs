using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MonitoringWorkflows.Web.Notifications;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Support;

namespace MonitoringWorkflows.Web.Tests.Notifications;

/// <summary>A backlog of outbox messages, delivered a batch to a transaction.</summary>
public sealed class NotificationBacklogTests
{
    private const string ToPolice = """{"agency":"Police","subject":"High risk case","text":"Please look at it today."}""";
    private const string ToChair = """{"role":"Chair","subject":"Deadline passed"}""";

    [Fact]
    public async Task Deliver_BacklogOf450Messages_CommitsThreeBatchesAndTellsEachHolderOnce()
    {
        var commits = new CommitCount();
        await using var site = new NotificationSite(services: s => s.ConfigureDbContext<WorkflowDbContext>(o => o.AddInterceptors(commits)));
        var ids = await AddBacklogAsync(site, 450);

        var before = commits.Count;
        var written = await site.Delivery.DeliverAsync(CancellationToken.None);

        Assert.Equal(3, commits.Count - before); // 200 + 200 + 50
        Assert.Equal(450, written);
        await AssertEachToldOnceAsync(site, ids);
    }

    [Fact]
    public async Task Deliver_RacingOverABacklogInOneHostAndFromAnother_TellsEachHolderOnce()
    {
        await using var site = new NotificationSite();
        var ids = await AddBacklogAsync(site, 450);
        // A second host: its own write gate, so only the database keeps the deliveries apart.
        var otherHost = new NotificationDelivery(
            new NotificationWriter(site.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>(), new WriteGate(),
                site.Services.GetRequiredService<NotificationMail>(), site.Services.GetRequiredService<UnreadCounts>()),
            site.Time, NullLogger<NotificationDelivery>.Instance);

        var raced = await Task.WhenAll(
            site.Delivery.DeliverAsync(CancellationToken.None), site.Delivery.DeliverAsync(CancellationToken.None),
            otherHost.DeliverAsync(CancellationToken.None), otherHost.DeliverAsync(CancellationToken.None));

        Assert.Equal(450, raced.Sum());
        await AssertEachToldOnceAsync(site, ids);
    }

    [Fact]
    public async Task Deliver_UnparsableAndUnaddressedMessagesInABatch_MarksThemProcessedLogsThemAndTellsTheRest()
    {
        await using var site = new NotificationSite();
        var (_, instanceId) = await StartPlainCaseAsync(site);
        var started = await site.Services.GetRequiredService<WorkflowRunner>()
            .StartAsync("Plain", "NO-CASE-1", new JsonObject(), "registrar@demo.az", CancellationToken.None);
        var caseless = started.InstanceId!.Value;
        var ids = await AddMessagesAsync(site,
            [(instanceId, ToPolice), (instanceId, "{not json"), (instanceId, """{"subject":"To no one"}"""), (caseless, ToPolice), (instanceId, ToChair)]);
        var log = new DeliveryLog();
        var delivery = new NotificationDelivery(site.Services.GetRequiredService<NotificationWriter>(), site.Time, log);

        var written = await delivery.DeliverAsync(CancellationToken.None);
        var again = await delivery.DeliverAsync(CancellationToken.None);

        Assert.Equal((2, 0), (written, again));
        var told = await site.ToldAsync();
        Assert.Equal([("police@demo.az", $"outbox:{ids[0]}"), ("chair@demo.az", $"outbox:{ids[4]}")], told.Select(t => (t.Email, t.Source)));
        await using var db = site.Db();
        Assert.Equal(0, await db.OutboxMessages.CountAsync(o => o.ProcessedAt == null));
        var error = Assert.Single(log.Lines, l => l.Level == LogLevel.Error);
        Assert.Contains($"Outbox message {ids[1]} ", error.Message);
        Assert.Equal(2, log.Lines.Count(l => l.Level == LogLevel.Warning && l.Message.Contains("told nobody")));
    }

    private static async Task<(string Number, long InstanceId)> StartPlainCaseAsync(NotificationSite site)
    {
        await site.PublishAsync("Plain", Bpmn.Sequence("Plain", """<bpmn:task id="Note" />"""));
        return await site.StartCaseAsync("Plain");
    }

    /// <summary>Waiting messages over a few cases, alternately for the police and the chair: one holder each.</summary>
    private static async Task<List<long>> AddBacklogAsync(NotificationSite site, int count)
    {
        var (_, first) = await StartPlainCaseAsync(site);
        var instances = new List<long> { first };
        for (var i = 0; i < 4; i++) instances.Add((await site.StartCaseAsync("Plain")).InstanceId);
        return await AddMessagesAsync(site,
            Enumerable.Range(0, count).Select(i => (instances[i % instances.Count], i % 2 == 0 ? ToPolice : ToChair)).ToList());
    }

    private static async Task<List<long>> AddMessagesAsync(NotificationSite site, IReadOnlyList<(long InstanceId, string Payload)> messages)
    {
        await using var db = site.Db();
        var rows = messages.Select(m => new OutboxMessageRecord
        {
            InstanceId = m.InstanceId, Kind = NotificationDelivery.OutboxKind, ElementId = "Tell", PayloadJson = m.Payload,
            CreatedAt = site.Time.GetUtcNow(),
        }).ToList();
        db.OutboxMessages.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    }

    private static async Task AssertEachToldOnceAsync(NotificationSite site, List<long> ids)
    {
        var told = await site.ToldAsync();
        var expected = ids.Select((id, i) => (i % 2 == 0 ? "police@demo.az" : "chair@demo.az", $"outbox:{id}"));
        Assert.Equal(expected.Order(), told.Select(t => (t.Email, t.Source)).Order());
        await using var db = site.Db();
        Assert.Equal(0, await db.OutboxMessages.CountAsync(o => o.ProcessedAt == null));
    }

    /// <summary>Counts the commits of every context the host makes.</summary>
    private sealed class CommitCount : DbTransactionInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
            Interlocked.Increment(ref count);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref count);
            return Task.CompletedTask;
        }
    }

    private sealed class DeliveryLog : ILogger<NotificationDelivery>
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Message)> lines = new();

        public IReadOnlyList<(LogLevel Level, string Message)> Lines => lines.ToList();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((logLevel, formatter(state, exception)));
    }
}
