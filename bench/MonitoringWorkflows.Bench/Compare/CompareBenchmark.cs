using System.Globalization;
using System.Text.Json.Nodes;
using MonitoringWorkflows.Bench.InMemory;

namespace MonitoringWorkflows.Bench.Compare;

/// <summary>One line of the comparison: instances/s of each engine on the same workload, in the same run.</summary>
internal sealed record ComparisonRow(string Workload, double Ours, double Theirs, string Note)
{
    public double Ratio => Ours / Theirs;
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
        var timing = new Timing(options.Seconds("seconds", 5), options.Seconds("warmup", 2));
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
        return new ComparisonRow(name, ours.PerSecond, PerSecond(node), FinalVariablesNote(workload, node["variables"]!.AsObject()));
    }

    private static ComparisonRow ConformanceFile(string file, Timing timing)
    {
        var path = Path.Combine(RepositoryLayout.Conformance, "bpmn-engine", file);
        var workload = new FileWorkload(path);
        var ours = timing.Measure(workload.RunOne);
        var node = NodeBench.Run(["file", path, .. timing.NodeArguments], timing.NodeTimeout);
        return new ComparisonRow($"conformance {file} ({workload.Process})", ours.PerSecond, PerSecond(node), "");
    }

    private static double PerSecond(JsonObject node) => node["perSecond"]!.GetValue<double>();

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
        Console.WriteLine($"  {"workload".PadRight(width)}  {"ours/s",10}  {"bpmn-engine/s",13}  {"ratio",8}");
        foreach (var row in rows)
            Console.WriteLine($"  {row.Workload.PadRight(width)}  {row.Ours,10:N0}  {row.Theirs,13:N1}  {row.Ratio,7:N0}×  {row.Note}");
        var lowest = rows.Min(r => r.Ratio);
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
