using System.Diagnostics;

namespace MonitoringWorkflows.Bench;

/// <summary>
/// What a timed loop did: how many operations in how much wall-clock time and how much CPU time of the process, and
/// what it allocated on its thread.
/// </summary>
internal sealed record Throughput(long Operations, TimeSpan Elapsed, TimeSpan Cpu, long AllocatedBytes, int Gen0 = 0, int Gen1 = 0, int Gen2 = 0)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    /// <summary>Operations per second of CPU time: what one core of its own would do (the wall-clock rate on an idle machine).</summary>
    public double PerCpuSecond => Cpu > TimeSpan.Zero ? Operations / Cpu.TotalSeconds : double.NaN;

    public double MicrosecondsEach => Elapsed.TotalMicroseconds / Operations;
    public double CpuMicrosecondsEach => Cpu.TotalMicroseconds / Operations;
    public double BytesEach => (double)AllocatedBytes / Operations;

    /// <summary>Runs <paramref name="operation"/> (given its index) until <paramref name="duration"/> has passed.</summary>
    public static Throughput Measure(TimeSpan duration, Action<long> operation)
    {
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = CpuClock.Process();
        var clock = Stopwatch.StartNew();
        long done = 0;
        while (clock.Elapsed < duration)
        {
            // Read the clock every few operations only: an operation may take under a microsecond.
            for (var i = 0; i < 8; i++) operation(done++);
        }
        clock.Stop();
        return new Throughput(done, clock.Elapsed, CpuClock.Process() - cpu, GC.GetAllocatedBytesForCurrentThread() - allocated,
            GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
    }

    public string Describe(string unit) =>
        $"{Operations:N0} {unit} in {Elapsed.TotalSeconds:F2} s (CPU {Cpu.TotalSeconds:F2} s) -> {PerSecond:N0}/s wall-clock, " +
        $"{PerCpuSecond:N0}/s per CPU-second; {MicrosecondsEach:N1} µs wall, {CpuMicrosecondsEach:N1} µs CPU each; " +
        $"{BytesEach:N0} B allocated each (GCs gen0/1/2: {Gen0}/{Gen1}/{Gen2})";
}
