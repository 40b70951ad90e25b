using System.Globalization;

namespace MonitoringWorkflows.Bench.Load.Run;

/// <summary>What one request template got during the measured time: latencies (ms) and failures by status.</summary>
internal sealed class TemplateLatencies(string template)
{
    public string Template { get; } = template;
    public List<double> Milliseconds { get; } = [];
    public Dictionary<string, int> Failures { get; } = [];

    public void Merge(TemplateLatencies other)
    {
        Milliseconds.AddRange(other.Milliseconds);
        foreach (var (what, count) in other.Failures) Failures[what] = Failures.GetValueOrDefault(what) + count;
    }

    public int Errors => Failures.Values.Sum();

    public TemplateSummary Summarize(TimeSpan duration)
    {
        var sorted = Milliseconds.Order().ToArray();
        return new TemplateSummary(Template, sorted.Length + Errors, Errors, (sorted.Length + Errors) / duration.TotalSeconds,
            Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1],
            new Dictionary<string, int>(Failures));
    }

    /// <summary>Nearest rank on the sorted latencies of the successful requests.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>One row of the results; latencies in milliseconds, of the successful requests.</summary>
internal sealed record TemplateSummary(string Template, int Count, int Errors, double PerSecond, double P50, double P95, double P99, double Max,
    Dictionary<string, int> Failures)
{
    public static string Header => $"{"request",-32} {"count",8} {"errors",7} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Template,-32} {Count,8:N0} {Errors,7:N0} {PerSecond,8:F1} {P50,8:F1} {P95,8:F1} {P99,8:F1} {Max,8:F1}") +
        (Failures.Count == 0 ? "" : "  " + string.Join(", ", Failures.Select(f => $"{f.Key}×{f.Value}")));
}
