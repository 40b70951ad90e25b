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
        if (options.Flag("profile"))
        {
            Console.WriteLine($"engine --profile: {pinned}");
            EngineProfile.Run(options);
            return 0;
        }
        var workload = new ReferralWorkload(CallActivityMode.RunChild);
        workload.Scenario.KeepRoutes(options.Text("routes"));
        Console.WriteLine($"engine: '{workload.Scenario.Process}' end to end, routes {string.Join(", ", workload.Scenario.Routes.Select(r => r.Name))} in turn; " +
            $"called processes run in-process; {pinned}; GC: {(GCSettings.IsServerGC ? "server" : "workstation")} ({GCSettings.LatencyMode}); load average {LoadAverage.Now()}");
        foreach (var line in workload.Verify()) Console.WriteLine("  route " + line);

        Throughput.Measure(options.Seconds("warmup", 5), workload.RunOne);
        var all = Throughput.Measure(options.Seconds("seconds", 5), workload.RunOne);
        Console.WriteLine("  all routes: " + all.Describe("instances"));
        foreach (var route in workload.Scenario.Routes)
        {
            var one = Throughput.Measure(options.Seconds("route-seconds", 2), _ => workload.RunRoute(route));
            Console.WriteLine($"  {route.Name,-6}: " + one.Describe("instances"));
        }
        Console.WriteLine($"  target: 20,000 instances/s on one core -> wall-clock {all.PerSecond:N0}/s, per CPU-second {all.PerCpuSecond:N0}/s: " +
            $"{(all.PerCpuSecond >= 20_000 ? "met" : "NOT met")} ({all.PerCpuSecond / 20_000:P0} of it); load average {LoadAverage.Now()}");
        return 0;
    }
}

/// <summary>The machine's load average (1, 5, 15 minutes): other work competing for the cores while the bench ran.</summary>
internal static class LoadAverage
{
    public static string Now() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
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
