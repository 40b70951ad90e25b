using System.Diagnostics;
using System.Runtime;

namespace MonitoringWorkflows.Bench.InMemory;

/// <summary>
/// Mode <c>engine</c>: the main referral process end to end in memory on one thread (every route in turn,
/// called processes run in-process), measured after a warm-up: instances/s, µs and bytes allocated per instance.
/// </summary>
internal static class EngineBenchmark
{
    public static int Run(Options options)
    {
        var pinned = OneCore.Pin(options);
        var workload = new ReferralWorkload(CallActivityMode.RunChild);
        workload.Scenario.KeepRoutes(options.Text("routes"));
        Console.WriteLine($"engine: '{workload.Scenario.Process}' end to end, routes {string.Join(", ", workload.Scenario.Routes.Select(r => r.Name))} in turn; " +
            $"called processes run in-process; {pinned}; GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, concurrent={GCSettings.LatencyMode}");
        foreach (var line in workload.Verify()) Console.WriteLine("  route " + line);

        var stepsBefore = workload.Host.Steps;
        Throughput.Measure(options.Seconds("warmup", 3), workload.RunOne);
        var all = Throughput.Measure(options.Seconds("seconds", 5), workload.RunOne);
        Console.WriteLine("  all routes: " + all.Describe("instances"));
        foreach (var route in workload.Scenario.Routes)
        {
            var one = Throughput.Measure(options.Seconds("route-seconds", 2), _ => workload.RunRoute(route));
            Console.WriteLine($"  {route.Name,-6}: " + one.Describe("instances"));
        }
        Console.WriteLine($"  target: 20,000 instances/s on one core -> {(all.PerSecond >= 20_000 ? "met" : "NOT met")} ({all.PerSecond / 20_000:P0} of it)");
        _ = stepsBefore;
        return 0;
    }
}

/// <summary>Keeps the process on one core, so that "on one core" means what it says (GC and JIT threads included).</summary>
internal static class OneCore
{
    public static string Pin(Options options)
    {
        if (options.Flag("all-cores") || !OperatingSystem.IsLinux() && !OperatingSystem.IsWindows()) return "not pinned";
        Process.GetCurrentProcess().ProcessorAffinity = 1;
        return "pinned to core 0";
    }
}
