using System.Globalization;

namespace MonitoringWorkflows.Bench.Load.Run;

/// <summary>
/// The server's resident memory, read from /proc/&lt;pid&gt;/status once a second while the load runs, and the CPU its
/// tiered-compilation threads use meanwhile (<see cref="WebHostProcess.JitThreads"/>).
/// </summary>
internal sealed class MemorySampler(WebHostProcess host) : IAsyncDisposable
{
    private readonly int processId = host.ProcessId;
    private readonly CancellationTokenSource stop = new();
    private readonly List<(double Seconds, long RssKb, long PeakKb)> samples = [];
    private readonly Dictionary<int, TimeSpan> jitAtStart = [];
    private readonly Dictionary<int, TimeSpan> jitLastSeen = [];
    private Task? loop;

    public IReadOnlyList<(double Seconds, long RssKb, long PeakKb)> Samples => samples;

    /// <summary>
    /// CPU of the tiered-compilation threads since <see cref="Start"/>. The runtime ends that thread when it has nothing
    /// to do and starts another later, so each thread is followed by its id; one that came and went within a second is missed.
    /// </summary>
    public TimeSpan JitCpu
    {
        get
        {
            lock (jitLastSeen) return jitLastSeen.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Value - jitAtStart.GetValueOrDefault(t.Key));
        }
    }

    public void Start()
    {
        foreach (var (thread, cpu) in host.JitThreads()) jitAtStart[thread] = cpu;
        loop = RunAsync(stop.Token);
    }

    /// <summary>VmRSS (now) and VmHWM (the peak since the process started), in KB.</summary>
    public (long RssKb, long PeakKb) Read()
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kilobytes(line);
        }
        return (rss, peak);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            var (rss, peak) = Read();
            lock (samples) samples.Add(((DateTime.UtcNow - started).TotalSeconds, rss, peak));
            var jit = host.JitThreads();
            lock (jitLastSeen) foreach (var (thread, cpu) in jit) jitLastSeen[thread] = cpu;
        }
        while (await WaitAsync(timer, cancellationToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Stops sampling (the samples stay readable); calling it again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (loop is null) return;
        await stop.CancelAsync();
        await loop;
        loop = null;
        stop.Dispose();
    }
}
