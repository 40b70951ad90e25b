using System.Globalization;
using System.Text.Json.Nodes;
using MonitoringWorkflows.Bench.InMemory;

namespace MonitoringWorkflows.Bench.Compare;

/// <summary>One line of the comparison: instances/s of each engine on the same workload, in the same run.</summary>
internal sealed record ComparisonRow(string Workload, Throughput Ours, JsonObject Theirs, string Note)
{
    public double TheirsPerSecond => Theirs["perSecond"]!.GetValue<double>();
    public double TheirsPerCpuSecond => Theirs["perCpuSecond"]!.GetValue<double>();
    public double Ratio => Ours.PerSecond / TheirsPerSecond;
    public double CpuRatio => Ours.PerCpuSecond / TheirsPerCpuSecond;
}

/// <summary>
/// Mode <c>compare</c>: the same BPMN files on our engine and on the npm package bpmn-engine, one after the other on
/// the same core: the main referral process (called processes run as children, then completed at once) and a few
/// files of bpmn-engine's own test suite that both engines run with the same paths.
/// </summary>
internal static class CompareBenchmark
{
    /// <summary>Files of bpmn-engine's test suite that both engines run end to end, taking the same paths (see bench/README.md).</summary>
    private static readonly string[] ConformanceFiles = ["issue-163.bpmn", "call-activity.bpmn", "timer-event.bpmn"];

    public static int Run(Options options)
    {
        var pinned = OneCore.Pin(options);
        NodeBench.EnsureInstalled();
        var timing = new Timing(options.Seconds("seconds", 5), options.Seconds("warmup", 5));
        Console.WriteLine($"compare: our engine vs bpmn-engine (Node {NodeBench.NodeVersion()}) on the same files and data, one after the other; {pinned}; load average {LoadAverage.Now()}");
        var rows = new List<ComparisonRow>();
        foreach (var calls in new[] { CallActivityMode.RunChild, CallActivityMode.CompleteAtOnce })
            rows.Add(Referral(calls, timing, options.Text("routes")));
        foreach (var file in ConformanceFiles) rows.Add(ConformanceFile(file, timing));
        Print(rows);
        return 0;
    }

    private static ComparisonRow Referral(CallActivityMode calls, Timing timing, string? routes)
    {
        var workload = new ReferralWorkload(calls);
        workload.Scenario.KeepRoutes(routes);
        workload.Verify();
        var name = $"referral, {(calls == CallActivityMode.RunChild ? "called processes run as children" : "call activities complete at once")} " +
            $"({string.Join("/", workload.Scenario.Routes.Select(r => r.Name))} in turn)";
        var ours = timing.Measure(workload.RunOne);
        var node = NodeBench.Run(["referral", "--calls", calls == CallActivityMode.RunChild ? "run-child" : "complete-at-once",
            "--routes", string.Join(",", workload.Scenario.Routes.Select(r => r.Name)), .. timing.NodeArguments], timing.NodeTimeout);
        return new ComparisonRow(name, ours, node, FinalVariablesNote(workload, node["variables"]!.AsObject()));
    }

    private static ComparisonRow ConformanceFile(string file, Timing timing)
    {
        var path = Path.Combine(RepositoryLayout.Conformance, "bpmn-engine", file);
        var workload = new FileWorkload(path);
        var passed = workload.Passed();
        var ours = timing.Measure(workload.RunOne);
        var node = NodeBench.Run(["file", path, .. timing.NodeArguments], timing.NodeTimeout);
        var theirs = node["passed"]!.AsArray().Select(id => id!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var note = passed.SetEquals(theirs)
            ? $"same {passed.Count} elements passed"
            : $"DIFFERENT elements passed: ours only {string.Join(",", passed.Except(theirs))}; theirs only {string.Join(",", theirs.Except(passed))}";
        return new ComparisonRow($"conformance {file} ({workload.Process})", ours, node, note);
    }

    /// <summary>Both engines must end each route with the same variables, or the comparison is not like for like.</summary>
    private static string FinalVariablesNote(ReferralWorkload workload, JsonObject theirs)
    {
        var differences = new List<string>();
        foreach (var (route, ours) in workload.FinalVariables)
        {
            var other = theirs[route]?.AsObject() ?? [];
            var names = ours.Select(p => p.Key).Union(other.Select(p => p.Key));
            var differing = names.Where(n => !JsonNode.DeepEquals(ours[n], other[n])).ToList();
            if (differing.Count > 0) differences.Add($"{route}: {string.Join(", ", differing)} differ");
        }
        return differences.Count == 0 ? "same route, same final variables" : "DIFFERENT final variables: " + string.Join("; ", differences);
    }

    private static void Print(IReadOnlyList<ComparisonRow> rows)
    {
        var width = rows.Max(r => r.Workload.Length);
        Console.WriteLine($"  {"workload".PadRight(width)}  {"ours/s",9}  {"bpmn-engine/s",13}  {"ratio",7}  {"CPU ratio",9}");
        foreach (var row in rows)
            Console.WriteLine($"  {row.Workload.PadRight(width)}  {row.Ours.PerSecond,9:N0}  {row.TheirsPerSecond,13:N1}  {row.Ratio,6:N0}×  {row.CpuRatio,8:N0}×  {row.Note}");
        Console.WriteLine("  (ours/s and bpmn-engine/s are wall-clock instances per second; the CPU ratio compares instances per CPU-second of each process)");
        var lowest = rows.Min(r => Math.Min(r.Ratio, r.CpuRatio));
        Console.WriteLine($"  target: at least 50× on every line -> {(lowest >= 50 ? "met" : "NOT met")} (lowest {lowest:N0}×)");
    }

    private sealed record Timing(TimeSpan Seconds, TimeSpan Warmup)
    {
        public string[] NodeArguments =>
        [
            "--seconds", Seconds.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "--warmup", Warmup.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        ];

        public TimeSpan NodeTimeout => Seconds + Warmup + TimeSpan.FromMinutes(2);

        public Throughput Measure(Action<long> operation)
        {
            Throughput.Measure(Warmup, operation);
            return Throughput.Measure(Seconds, operation);
        }
    }
}
