using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Scheduling;

namespace MonitoringWorkflows.Bench.Timers;

/// <summary>
/// Mode <c>timers</c>: N instances each waiting on a timer, on the real Quartz clock and SQLite (synchronous=FULL).
/// 1. starts with the clock on (each step's timer scheduled after its commit) and off, for the cost of scheduling;
/// 2. all N timers moved to come due within a few seconds: fire latency against the due time, and an inbox query's
///    latency meanwhile; 3. N more timers due a few seconds after the host stops: started again, none lost, none twice.
/// </summary>
internal static class TimerBenchmark
{
    private const string ProcessKey = "benchTimer";

    private static readonly string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mw="urn:monitoringworkflows:bpmn:1"
                          id="Definitions_timer" targetNamespace="urn:monitoringworkflows:bench">
          <bpmn:process id="benchTimer" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="Review" name="Review" mw:agency="Police" />
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
            <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="Review" />
            <bpmn:sequenceFlow id="F3" sourceRef="Review" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var count = options.Int("timers", 10_000);
        var spread = options.Seconds("spread", 3);
        // "both" fires the same burst timer by timer, then in batches, side by side in one run.
        var modes = (options.Text("batches") ?? "both") switch { "on" => new[] { true }, "off" => [false], _ => [false, true] };
        var folder = Directory.CreateTempSubdirectory("mw-bench-timers-").FullName;
        Console.WriteLine($"timers: {count:N0} timers on Quartz (own SQLite file) and the runner on SQLite (WAL, synchronous=FULL), in {folder}");
        var lastDue = DateTimeOffset.MinValue;
        var reports = new List<string>();
        try
        {
            await using (var off = await ClockOnSqlite.StartAsync(folder, scheduling: false, cancellationToken))
            {
                await PublishAsync(off, cancellationToken);
                Console.WriteLine($"  starts, clock off: {await StartAsync(off, count, "OFF", cancellationToken):N0}/s");
                await off.Db().Database.ExecuteSqlRawAsync("""DELETE FROM "Timers" """, cancellationToken);
            }
            foreach (var batches in modes)
            {
                var label = batches ? "in batches" : "one by one";
                await using var clock = await ClockOnSqlite.StartAsync(folder, scheduling: true, cancellationToken, batches);
                Console.WriteLine($"  [{label}] starts, clock on:  {await StartAsync(clock, count, $"ON-{label}", cancellationToken):N0}/s (each step's timer scheduled in Quartz after its commit)");
                var ids = await PendingAsync(clock, cancellationToken);
                var (report, replacing) = await FireAsync(clock, ids, options.Seconds("lead", 10), spread, cancellationToken);
                reports.Add($"  fire {label}: {report}");
                Console.WriteLine(reports[^1]);
                if (batches != modes[^1]) continue;
                var pending = await StartedPendingAsync(clock, count, cancellationToken);
                // Long enough for the triggers to be replaced before any comes due, so all are pending when the host stops.
                lastDue = await DueSoonAsync(clock, pending, replacing * 1.5 + TimeSpan.FromSeconds(3), spread, cancellationToken) + spread;
            }
            Console.WriteLine($"  host stopped with {count:N0} timers pending, due by {lastDue:HH:mm:ss.fff}; started again once all are late");
            while (DateTimeOffset.UtcNow < lastDue + TimeSpan.FromSeconds(2)) await Task.Delay(100, cancellationToken);
            await RestartAsync(folder, count, modes[^1], cancellationToken);
            Console.WriteLine("side by side:");
            foreach (var report in reports) Console.WriteLine(report);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    private static async Task PublishAsync(ClockOnSqlite host, CancellationToken cancellationToken)
    {
        await using var db = host.Db();
        db.ProcessDefinitions.Add(new ProcessDefinitionRecord
        {
            Key = ProcessKey, Version = 1, Status = DefinitionStatus.Published, Name = ProcessKey, BpmnXml = Xml,
            CreatedBy = "bench", CreatedAt = DateTimeOffset.UtcNow, PublishedBy = "bench", PublishedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<double> StartAsync(ClockOnSqlite host, int count, string prefix, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var result = await host.Runner.StartAsync(ProcessKey, $"{prefix}-{i}", null, "bench", cancellationToken);
            if (!result.IsOk) throw new InvalidOperationException(result.Message);
        }
        return count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<List<long>> PendingAsync(ClockOnSqlite host, CancellationToken cancellationToken)
    {
        await using var db = host.Db();
        return await db.Timers.AsNoTracking().Where(t => t.Status == TimerStatus.Pending).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken);
    }

    private static async Task<List<long>> StartedPendingAsync(ClockOnSqlite host, int count, CancellationToken cancellationToken)
    {
        await StartAsync(host, count, "RESTART", cancellationToken);
        return await PendingAsync(host, cancellationToken);
    }

    /// <summary>Moves the timers (rows and triggers) to come due evenly over <paramref name="spread"/>, from <paramref name="lead"/> on.</summary>
    private static async Task<DateTimeOffset> DueSoonAsync(ClockOnSqlite host, List<long> ids, TimeSpan lead, TimeSpan spread,
        CancellationToken cancellationToken)
    {
        var first = DateTimeOffset.UtcNow + lead;
        var timers = ids.Select((id, i) => new PendingTimer(id, first + spread * i / ids.Count)).ToList();
        await using (var db = host.Db())
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var timer in timers)
                await db.Timers.Where(t => t.Id == timer.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, timer.DueAt), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        var watch = Stopwatch.StartNew();
        await QuartzClock.ScheduleAsync(await host.SchedulerAsync(cancellationToken), timers, cancellationToken);
        Console.WriteLine($"  {ids.Count:N0} triggers replaced in {watch.Elapsed.TotalSeconds:N1} s; due from {first:HH:mm:ss.fff} over {spread.TotalSeconds} s");
        if (DateTimeOffset.UtcNow > first) Console.WriteLine("  (moving them took longer than the lead: the first ones are already late)");
        return first;
    }

    private static async Task<(FireReport Report, TimeSpan Replacing)> FireAsync(ClockOnSqlite host, List<long> ids, TimeSpan lead, TimeSpan spread,
        CancellationToken cancellationToken)
    {
        var replacing = Stopwatch.StartNew();
        await DueSoonAsync(host, ids, lead, spread, cancellationToken);
        var replaced = replacing.Elapsed;
        var inbox = new List<double>();
        var watch = Stopwatch.StartNew();
        while (await CountFiredAsync(host, ids, cancellationToken) < ids.Count)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5)) break;
            inbox.Add(await InboxQueryAsync(host, cancellationToken));
            await Task.Delay(100, cancellationToken);
        }
        return (await ReportAsync(host, ids, inbox, cancellationToken), replaced);
    }

    private static async Task<int> CountFiredAsync(ClockOnSqlite host, List<long> ids, CancellationToken cancellationToken)
    {
        await using var db = host.Db();
        long first = ids[0], last = ids[^1];
        return await db.Timers.CountAsync(t => t.Status == TimerStatus.Fired && t.Id >= first && t.Id <= last, cancellationToken);
    }

    /// <summary>What the inbox asks for: a district agency's open steps, newest first (milliseconds).</summary>
    private static async Task<double> InboxQueryAsync(ClockOnSqlite host, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var db = host.Db();
        await db.UserTasks.AsNoTracking().Where(t => t.Status == UserTaskStatus.Open && t.Agency == "Police")
            .OrderByDescending(t => t.Id).Take(50).ToListAsync(cancellationToken);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<FireReport> ReportAsync(ClockOnSqlite host, List<long> ids, List<double> inbox, CancellationToken cancellationToken)
    {
        await using var db = host.Db();
        long first = ids[0], last = ids[^1];
        var timers = await db.Timers.AsNoTracking().Where(t => t.Id >= first && t.Id <= last).ToListAsync(cancellationToken);
        var lateness = timers.Where(t => t.FiredAt is not null).Select(t => (t.FiredAt!.Value - t.DueAt).TotalMilliseconds).Order().ToList();
        return new FireReport(timers.Count, lateness, inbox.Order().ToList());
    }

    private static async Task RestartAsync(string folder, int count, bool batches, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var host = await ClockOnSqlite.StartAsync(folder, scheduling: true, cancellationToken, batches);
        Console.WriteLine($"  restarted in {watch.Elapsed.TotalSeconds:N1} s (reconciliation included)");
        List<long> ids;
        await using (var db = host.Db())
            ids = await db.Timers.AsNoTracking().Where(t => t.Status == TimerStatus.Pending).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken);
        while (await CountFiredAsync(host, ids, cancellationToken) < ids.Count && watch.Elapsed < TimeSpan.FromMinutes(5))
            await Task.Delay(100, cancellationToken);
        var report = await ReportAsync(host, ids, [], cancellationToken);
        await using var check = host.Db();
        var firedPerInstance = await check.JournalEntries.AsNoTracking().Where(j => j.Kind == JournalKind.TimerFired)
            .GroupBy(j => j.InstanceId).Select(g => g.Count()).ToListAsync(cancellationToken);
        var pendingLeft = await check.Timers.CountAsync(t => t.Status == TimerStatus.Pending, cancellationToken);
        Console.WriteLine($"  after restart: {ids.Count:N0} were pending (of {count:N0} started); all fired after {watch.Elapsed.TotalSeconds:N1} s; {report}");
        Console.WriteLine($"  lost (still pending): {pendingLeft}; instances with a timer fired twice: {firedPerInstance.Count(c => c > 1)}; " +
            $"instances fired in all: {firedPerInstance.Count:N0}");
    }

    private sealed record FireReport(int Timers, List<double> Lateness, List<double> Inbox)
    {
        private static double P(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];

        public override string ToString() =>
            $"{Lateness.Count:N0}/{Timers:N0} fired; lateness vs due ms p50 {P(Lateness, .5):N0}, p95 {P(Lateness, .95):N0}, max {P(Lateness, 1):N0}" +
            (Inbox.Count == 0 ? "" : $"; inbox query during firing ms p50 {P(Inbox, .5):N1}, p95 {P(Inbox, .95):N1} ({Inbox.Count} samples)");
    }
}
