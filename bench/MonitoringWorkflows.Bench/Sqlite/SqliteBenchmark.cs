using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace MonitoringWorkflows.Bench.Sqlite;

/// <summary>
/// Mode <c>sqlite</c>: the web host's <c>WorkflowRunner</c> on a temporary SQLite file (WAL, synchronous=FULL by
/// default): N instances of a two-task process are started, then every task is completed as fast as one thread can,
/// one transaction per completion. The raw commit ceiling of the disk is measured in the same run for the ratio.
/// </summary>
internal static class SqliteBenchmark
{
    private const string ProcessKey = "benchReferralCheck";

    private static readonly string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mw="urn:monitoringworkflows:bpmn:1"
                          id="Definitions_bench" targetNamespace="urn:monitoringworkflows:bench">
          <bpmn:process id="benchReferralCheck" name="Referral and closure" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:userTask id="Task_Referral" name="Referral to the police" mw:agency="Police" mw:formKey="referral-response" mw:dueIn="P3D" />
            <bpmn:userTask id="Task_Closure" name="Approve closure" mw:role="Chair" mw:formKey="closure-approval" mw:dueIn="P7D" />
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Referral" />
            <bpmn:sequenceFlow id="F2" sourceRef="Task_Referral" targetRef="Task_Closure" />
            <bpmn:sequenceFlow id="F3" sourceRef="Task_Closure" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var instances = options.Int("instances", 2000);
        var synchronous = (options.Text("synchronous") ?? "FULL").ToUpperInvariant();
        Console.WriteLine($"sqlite: WorkflowRunner on a temporary SQLite file, journal_mode=WAL, synchronous={synchronous}; " +
            $"{instances:N0} instances of a two-task process, one thread, one transaction per trigger");
        await using (var database = await RunnerOnSqlite.StartAsync(synchronous, cancellationToken))
        {
            await database.PublishAsync(ProcessKey, Xml, cancellationToken);
            Console.WriteLine($"  database: {database.DatabaseFile}");
            await StartAndCompleteAsync(database, Math.Min(500, instances), cancellationToken); // warm-up: JIT tiers, EF model, caches
            var (starts, completions) = await StartAndCompleteAsync(database, instances, cancellationToken);
            Console.WriteLine("  starts:      " + starts.Describe("instances started"));
            Console.WriteLine("  completions: " + completions.Describe("task completions"));
            Console.WriteLine($"  completions/s by slices of {SliceSize}: {string.Join(", ", LastSlices.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}");
            var ceiling = CommitCeiling.Measure(synchronous, options.Seconds("ceiling-seconds", 5));
            Console.WriteLine("  raw ceiling: " + ceiling.Describe("tiny INSERT commits"));
            var share = completions.PerSecond / ceiling.PerSecond;
            Console.WriteLine($"  completions/s ÷ raw commits/s = {share:P0} (each completion is one commit)");
            Console.WriteLine($"  targets: ≥ 1,000 completions/s -> {(completions.PerSecond >= 1_000 ? "met" : "NOT met")}; " +
                $"over a third of the raw ceiling -> {(share > 1.0 / 3 ? "met" : "NOT met")}; load average {InMemory.LoadAverage.Now()}");
        }
        return 0;
    }

    private const int SliceSize = 500;

    /// <summary>Completions/s of each slice of 500 completions in the last measured run: is the rate steady?</summary>
    private static List<double> LastSlices { get; set; } = [];

    private static async Task<(Throughput Starts, Throughput Completions)> StartAndCompleteAsync(
        RunnerOnSqlite database, int count, CancellationToken cancellationToken)
    {
        var starts = await TimeAsync(count, async i =>
            Check(await database.Runner.StartAsync(ProcessKey, $"GNC-{Guid.NewGuid():N}", Report(i), "registrar", cancellationToken)));
        var first = await database.OpenTaskIdsAsync(cancellationToken);
        var done = 0;
        var clock = Stopwatch.StartNew();
        var cpu = CpuClock.Process();
        var allocated = GC.GetTotalAllocatedBytes();
        var slices = new List<TimeSpan>();
        foreach (var id in first)
        {
            Check(await database.Runner.CompleteTaskAsync(id, Answer("referral-response"), "officer.aliyev", cancellationToken));
            if (++done % SliceSize == 0) slices.Add(clock.Elapsed);
        }
        // Each completion above opened the closure task: complete those too.
        var second = await database.OpenTaskIdsAsync(cancellationToken);
        foreach (var id in second)
        {
            Check(await database.Runner.CompleteTaskAsync(id, Answer("closure-approval"), "chair.mammadova", cancellationToken));
            if (++done % SliceSize == 0) slices.Add(clock.Elapsed);
        }
        clock.Stop();
        LastSlices = slices.Select((at, i) => SliceSize / (at - (i == 0 ? TimeSpan.Zero : slices[i - 1])).TotalSeconds).ToList();
        var completions = new Throughput(first.Count + second.Count, clock.Elapsed, CpuClock.Process() - cpu, GC.GetTotalAllocatedBytes() - allocated);
        return (starts, completions);
    }

    private static async Task<Throughput> TimeAsync(int count, Func<int, Task> operation)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var cpu = CpuClock.Process();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) await operation(i);
        clock.Stop();
        return new Throughput(count, clock.Elapsed, CpuClock.Process() - cpu, GC.GetTotalAllocatedBytes() - allocated);
    }

    private static void Check(MonitoringWorkflows.Web.Runtime.RunResult result)
    {
        if (!result.IsOk) throw new InvalidOperationException($"The runner said {result.Outcome}: {result.Message}");
    }

    private static JsonObject Report(int i) => new()
    {
        ["caseNumber"] = $"GNC-2026-{i:D5}", ["victimAge"] = 20 + i % 50, ["childVictim"] = i % 7 == 0,
        ["seriousInjuries"] = false, ["incidentsLast12Months"] = i % 4,
    };

    private static JsonObject Answer(string formKey) => formKey == "referral-response"
        ? new JsonObject { ["referralStatus"] = "done", ["declineReason"] = "", ["outcomeNote"] = "Victim seen; support plan agreed." }
        : new JsonObject { ["closureDecision"] = "approve", ["closureNote"] = "Measures in place; case closed." };
}
