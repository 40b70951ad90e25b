using System.Globalization;
using System.Text.Json;
using MonitoringWorkflows.Bench.Load.Seed;

namespace MonitoringWorkflows.Bench.Load.Run;

/// <summary>
/// Mode <c>load &lt;folder&gt;</c>: the real web host on a seeded data folder, in its own process, and N signed-in
/// clients asking for a mix of pages as fast as it answers. Per request template: count, errors, p50/p95/p99/max;
/// the host's RSS once a second. The table is printed and written to bench/results/; any failed request fails the run.
/// </summary>
internal static class LoadCommand
{
    private const string DemoPassword = "Monitoring-Demo-2026";

    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        if (options.Positional.Count != 1) throw new ArgumentException("usage: load <folder> [--clients 32] [--duration 30s] [--warmup 60s] [--mix issue|today|list] [--think 0ms]");
        var folder = Path.GetFullPath(options.Positional[0]);
        var database = Path.Combine(folder, SeedHost.DatabaseFile);
        if (!File.Exists(database)) throw new FileNotFoundException($"No {SeedHost.DatabaseFile} in {folder}: run the seed mode first.");
        var clients = options.Int("clients", 32);
        var duration = options.Duration("duration", TimeSpan.FromSeconds(30));
        var warmup = options.Duration("warmup", TimeSpan.FromSeconds(60));
        var mixName = options.Text("mix") ?? "issue";
        var think = options.Duration("think", TimeSpan.Zero);
        var mix = RequestMix.Parse(mixName);
        var users = BenchUsers.Read(database, clients, role => mix.Any(t => t.AllowedFor(role)));
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var results = Path.Combine(RepositoryLayout.Bench, "results");
        Console.WriteLine($"load: {clients} clients (think time {think.TotalMilliseconds:F0} ms), {duration.TotalSeconds:F0} s after {warmup.TotalSeconds:F0} s of warm-up; " +
            $"mix {string.Join(", ", mix.Select(t => t.Template + (t.Roles.Count > 0 ? "@" + string.Join("+", t.Roles) : "")))}");
        Console.WriteLine($"  data: {database} ({new FileInfo(database).Length / 1048576.0:N0} MB); load average {InMemory.LoadAverage.Now()}");

        await using var host = WebHostProcess.Start(options.Text("web") ?? WebHostProcess.DefaultDll, folder,
            Path.Combine(results, $"load-{stamp}-host.log"), HostSettings(options));
        var started = DateTime.UtcNow;
        await host.WaitHealthyAsync(TimeSpan.FromMinutes(3), cancellationToken);
        Console.WriteLine($"  host pid {host.ProcessId} healthy at {host.Address} after {(DateTime.UtcNow - started).TotalSeconds:F1} s");

        var signedIn = new List<SignedInClient>();
        foreach (var user in users)
        {
            var client = new SignedInClient(host.Address, user);
            await client.SignInAsync(options.Text("password") ?? DemoPassword, cancellationToken);
            signedIn.Add(client);
        }
        var loops = signedIn.Select((c, i) => new ClientLoop(c, mix, i, think)).ToList();
        Console.WriteLine($"  signed in {signedIn.Count} users ({string.Join(", ", users.GroupBy(u => u.Role).Select(g => $"{g.Count()} {g.Key}"))})");

        await Task.WhenAll(loops.Select(l => l.RunAsync(warmup, record: false, cancellationToken)));
        await using var memory = new MemorySampler(host);
        var cpuBefore = host.CpuTime();
        memory.Start();
        await Task.WhenAll(loops.Select(l => l.RunAsync(duration, record: true, cancellationToken)));
        var cpu = host.CpuTime() - cpuBefore;
        await memory.DisposeAsync();
        var jit = memory.JitCpu;
        foreach (var client in signedIn) client.Dispose();

        var report = LoadReport.Build(mixName, clients, think, duration, loops, memory.Samples, cpu, jit, database);
        report.Print(Console.Out);
        var path = Path.Combine(results, $"load-{stamp}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        Console.WriteLine($"  written: {path}");
        return report.Errors > 0 || host.HasExited ? 1 : 0;
    }

    /// <summary>
    /// Extra settings for the host as environment variables: <c>--host-settings "Name=value;Name=value"</c> (configuration
    /// keys with <c>__</c> for <c>:</c>); <c>--log-sql</c> logs every SQL command with its time to the host's log.
    /// </summary>
    private static Dictionary<string, string> HostSettings(Options options)
    {
        var settings = (options.Text("host-settings") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0].Trim(), pair => pair.Length > 1 ? pair[1] : "");
        if (options.Flag("log-sql")) settings["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        return settings;
    }
}
