using System.Diagnostics;

namespace MonitoringWorkflows.Bench;

/// <summary>What a timed loop did: how many operations in how long, and what it allocated on its thread.</summary>
internal sealed record Throughput(long Operations, TimeSpan Elapsed, long AllocatedBytes, int Gen0, int Gen1, int Gen2)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;
    public double MicrosecondsEach => Elapsed.TotalMicroseconds / Operations;
    public double BytesEach => (double)AllocatedBytes / Operations;

    /// <summary>Runs <paramref name="operation"/> (given its index) until <paramref name="duration"/> has passed.</summary>
    public static Throughput Measure(TimeSpan duration, Action<long> operation)
    {
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        long done = 0;
        while (clock.Elapsed < duration)
        {
            // Read the clock every few operations only: an operation may take under a microsecond.
            for (var i = 0; i < 8; i++) operation(done++);
        }
        clock.Stop();
        return new Throughput(done, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocated,
            GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
    }

    public string Describe(string unit) =>
        $"{Operations:N0} {unit} in {Elapsed.TotalSeconds:F2} s -> {PerSecond:N0} {unit}/s, {MicrosecondsEach:N1} µs each, " +
        $"{BytesEach:N0} B allocated each (GCs gen0/1/2: {Gen0}/{Gen1}/{Gen2})";
}
