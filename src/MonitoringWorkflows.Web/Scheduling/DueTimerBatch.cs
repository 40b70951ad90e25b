using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Scheduling;

/// <summary>
/// The timers of one batch, read in two queries: those the clock handed over, sorted into ready (pending and due on a
/// running instance, one per instance), dropped (with why) and deferred (to be fired alone: a second timer of an instance
/// already in the batch, or an instance with an incident); and other pending timers already due on running instances.
/// </summary>
internal sealed record DueTimerBatch(List<TimerRecord> Ready, List<(long Id, string Reason)> Dropped, List<long> Deferred)
{
    public const string AlreadyFired = "it is already Fired";

    /// <summary>How early a handed-over timer may be (the clock's and the database's times differ a little).</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1);

    public static async Task<DueTimerBatch> LoadAsync(IDbContextFactory<WorkflowDbContext> contexts, IReadOnlyCollection<long> handed,
        int size, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Timers.AsNoTracking().Include(t => t.Instance).Where(t => handed.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var batch = new DueTimerBatch([], [], []);
        var instances = new HashSet<long>();
        // The same timer handed over twice is one timer (the writer collects into a set; a caller may not).
        foreach (var id in handed.Distinct())
        {
            var timer = rows.GetValueOrDefault(id);
            if (TimerFiring.WhyNot(timer) is { } reason) batch.Dropped.Add((id, reason));
            // Moved later while its old trigger was already firing: the new trigger fires it at its new time.
            else if (timer!.DueAt > now + Tolerance) batch.Dropped.Add((id, $"it was moved to {timer.DueAt:u}; it fires then"));
            else if (timer!.Instance!.Status != ProcessInstanceStatus.Running || !instances.Add(timer.InstanceId)) batch.Deferred.Add(id);
            else batch.Ready.Add(timer);
        }
        if (batch.Ready.Count < size) await TopUpAsync(db, batch, instances, size, now, cancellationToken);
        return batch;
    }

    /// <summary>Pending timers due by now on running instances (the <c>(Status, DueAt)</c> index), soonest first.</summary>
    private static async Task TopUpAsync(WorkflowDbContext db, DueTimerBatch batch, HashSet<long> instances, int size, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var taken = batch.Ready.Select(t => t.Id).ToHashSet();
        var found = await db.Timers.AsNoTracking().Include(t => t.Instance)
            .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= now && t.Instance!.Status == ProcessInstanceStatus.Running)
            .OrderBy(t => t.DueAt).Take(size).ToListAsync(cancellationToken);
        foreach (var timer in found)
        {
            if (batch.Ready.Count >= size) break;
            if (!taken.Contains(timer.Id) && instances.Add(timer.InstanceId)) batch.Ready.Add(timer);
        }
    }
}
