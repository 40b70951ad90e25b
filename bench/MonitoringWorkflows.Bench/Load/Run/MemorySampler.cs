using System.Globalization;

namespace MonitoringWorkflows.Bench.Load.Run;

/// <summary>The server's resident memory, read from /proc/&lt;pid&gt;/status once a second while the load runs.</summary>
internal sealed class MemorySampler(int processId) : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly List<(double Seconds, long RssKb, long PeakKb)> samples = [];
    private Task? loop;

    public IReadOnlyList<(double Seconds, long RssKb, long PeakKb)> Samples => samples;

    public void Start() => loop = RunAsync(stop.Token);

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
