using System.Diagnostics;

namespace MonitoringWorkflows.Bench.Load.Run;

/// <summary>
/// One client's loop: the templates its role may ask for, in turn from a random start, one request at a time (a person
/// clicking as fast as the server answers). Latencies are kept per client and merged at the end, so recording takes no lock.
/// </summary>
/// <remarks>With a think time, the client pauses that long (±50 %, at random) after each answer, as a person reading the page would.</remarks>
internal sealed class ClientLoop(SignedInClient client, IReadOnlyList<RequestTemplate> mix, int seed, TimeSpan think)
{
    private readonly Random random = new(seed);
    private readonly List<RequestTemplate> templates = mix.Where(t => t.AllowedFor(client.User.Role)
        && (!t.NeedsTask || client.User.Tasks.Count > 0) && (!t.NeedsCase || client.User.Cases.Count > 0)).ToList();

    public Dictionary<string, TemplateLatencies> Results { get; } = [];

    public IReadOnlyList<RequestTemplate> Templates => templates;

    public async Task RunAsync(TimeSpan duration, bool record, CancellationToken cancellationToken)
    {
        if (templates.Count == 0) return;
        var next = random.Next(templates.Count);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            var template = templates[next++ % templates.Count];
            var url = template.Fill(client.User, random);
            var started = Stopwatch.GetTimestamp();
            string? failure;
            try
            {
                var status = await client.GetAsync(url, cancellationToken);
                failure = status is >= 200 and < 300 ? null : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                failure = exception.GetType().Name;
            }
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (think > TimeSpan.Zero) await Task.Delay(think * (0.5 + random.NextDouble()), cancellationToken);
            if (!record) continue;
            if (!Results.TryGetValue(template.Template, out var latencies)) Results[template.Template] = latencies = new TemplateLatencies(template.Template);
            if (failure is null) latencies.Milliseconds.Add(elapsed);
            else latencies.Failures[failure] = latencies.Failures.GetValueOrDefault(failure) + 1;
        }
    }
}
