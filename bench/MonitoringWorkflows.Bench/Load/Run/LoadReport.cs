using System.Globalization;

namespace MonitoringWorkflows.Bench.Load.Run;

/// <summary>The results of one load run, as printed and as written to bench/results/load-*.json.</summary>
internal sealed record LoadReport(
    DateTime At, string Mix, int Clients, double ThinkMilliseconds, double Seconds, string LoadAverage, string Database, long DatabaseBytes,
    IReadOnlyList<TemplateSummary> Requests, TemplateSummary All, double HostCpuSeconds, double JitCpuSeconds,
    long RssMaxKb, long RssLastKb, long PeakRssKb, IReadOnlyList<long> RssKbPerSecond)
{
    public int Errors => All.Errors;

    /// <summary>The host's CPU per request: what a request costs whatever else ran on the machine.</summary>
    public double HostCpuMillisecondsPerRequest => All.Count == 0 ? 0 : HostCpuSeconds * 1000 / All.Count;

    public static LoadReport Build(string mix, int clients, TimeSpan think, TimeSpan duration, IReadOnlyList<ClientLoop> loops,
        IReadOnlyList<(double Seconds, long RssKb, long PeakKb)> memory, TimeSpan cpu, TimeSpan jit, string database)
    {
        var merged = new Dictionary<string, TemplateLatencies>();
        var all = new TemplateLatencies("all");
        foreach (var (template, latencies) in loops.SelectMany(l => l.Results))
        {
            if (!merged.TryGetValue(template, out var into)) merged[template] = into = new TemplateLatencies(template);
            into.Merge(latencies);
            all.Merge(latencies);
        }
        var order = loops.SelectMany(l => l.Templates).Select(t => t.Template).Distinct().ToList();
        return new LoadReport(DateTime.UtcNow, mix, clients, think.TotalMilliseconds, duration.TotalSeconds, InMemory.LoadAverage.Now(), database,
            new FileInfo(database).Length,
            merged.Values.OrderBy(m => order.IndexOf(m.Template)).Select(m => m.Summarize(duration)).ToList(), all.Summarize(duration),
            cpu.TotalSeconds, jit.TotalSeconds, memory.Count == 0 ? 0 : memory.Max(m => m.RssKb), memory.Count == 0 ? 0 : memory[^1].RssKb,
            memory.Count == 0 ? 0 : memory[^1].PeakKb, memory.Select(m => m.RssKb).ToList());
    }

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("  " + TemplateSummary.Header);
        foreach (var row in Requests) output.WriteLine("  " + row);
        output.WriteLine("  " + All);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  host: RSS max {RssMaxKb / 1024.0:F0} MB during the run (last {RssLastKb / 1024.0:F0} MB, VmHWM since start {PeakRssKb / 1024.0:F0} MB); " +
            $"CPU {HostCpuSeconds:F1} s in {Seconds:F0} s ({HostCpuSeconds / Seconds:P0} of one core, {HostCpuMillisecondsPerRequest:F2} ms a request); " +
            $"load average {LoadAverage}"));
        var warming = JitCpuSeconds > 0.02 * HostCpuSeconds ? " -- the host was still warming up: give it a longer --warmup" : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  JIT: the tiered-compilation thread used {JitCpuSeconds:F1} s of it ({(HostCpuSeconds == 0 ? 0 : JitCpuSeconds / HostCpuSeconds):P1}){warming}"));
        var p95 = Requests.Count == 0 ? 0 : Requests.Max(r => r.P95);
        output.WriteLine($"  targets: every p95 < 50 ms -> {(p95 < 50 ? "met" : "NOT met")} (worst {p95:F1} ms); " +
            $"RSS < 400 MB -> {(PeakRssKb < 400 * 1024 ? "met" : "NOT met")}; errors: {Errors}");
    }
}
