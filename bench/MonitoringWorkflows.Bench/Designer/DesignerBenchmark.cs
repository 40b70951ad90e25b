using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MonitoringWorkflows.Bench.Load.Run;

namespace MonitoringWorkflows.Bench.Designer;

/// <summary>
/// The designer's figures on the real host (Release build, fresh data folder, shipped workflows): server-side
/// validation of a generated definition through POST /api/designer/processes/{key}/validate, the time until the
/// process designer is ready in headless chromium (bench/designer/designer-ready.mjs, Playwright from the browser
/// tests' build), and the sizes of the bundled page scripts.
/// </summary>
internal static class DesignerBenchmark
{
    private const string Administrator = "admin@demo.az";
    private const string Password = "Monitoring-Demo-2026";

    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("mw-designer-bench").FullName;
        try
        {
            await using var host = WebHostProcess.Start(options.Text("web") ?? WebHostProcess.DefaultDll, folder,
                Path.Combine(folder, "host.log"), new Dictionary<string, string> { ["Workflows__Folder"] = RepositoryLayout.Workflows });
            await host.WaitHealthyAsync(TimeSpan.FromMinutes(3), cancellationToken);
            using var admin = new SignedInClient(host.Address, new BenchUser(Administrator, "Administrator", null, 0, [], []));
            await admin.SignInAsync(Password, cancellationToken);
            await ValidationAsync(admin.Http, options.Int("elements", 200), options.Int("runs", 50), cancellationToken);
            var ready = await ReadyAsync(host.Address, options.Int("loads", 10), cancellationToken);
            BundleSizes();
            return ready;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ValidationAsync(HttpClient http, int elements, int runs, CancellationToken cancellationToken)
    {
        var xml = GeneratedProcess.Build("bench", elements);
        var token = (await http.GetFromJsonAsync<JsonElement>("/api/antiforgery", cancellationToken)).GetProperty("token").GetString()!;
        var times = new List<double>();
        var diagnostics = 0;
        for (var i = 0; i < runs + 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/designer/processes/bench/validate") { Content = JsonContent.Create(new { content = xml }) };
            request.Headers.Add("X-CSRF-TOKEN", token);
            var clock = Stopwatch.StartNew();
            using var response = await http.SendAsync(request, cancellationToken);
            var report = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            clock.Stop();
            response.EnsureSuccessStatusCode();
            diagnostics = report.GetProperty("diagnostics").GetArrayLength();
            if (i >= 5) times.Add(clock.Elapsed.TotalMilliseconds); // the first calls warm the JIT and the expression engines
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"validate: {GeneratedProcess.CountElements(xml)} elements ({xml.Length / 1024} KB), {runs} calls over HTTP: p50 {times[times.Count / 2]:F1} ms, p95 {times[(int)(times.Count * 0.95)]:F1} ms, max {times[^1]:F1} ms; {diagnostics} diagnostics"));
    }

    private static async Task<int> ReadyAsync(Uri address, int loads, CancellationToken cancellationToken)
    {
        var script = Path.Combine(RepositoryLayout.Bench, "designer", "designer-ready.mjs");
        var start = new ProcessStartInfo("node") { UseShellExecute = false, WorkingDirectory = RepositoryLayout.Root };
        foreach (var argument in new[] { script, address.ToString().TrimEnd('/'), loads.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        await node.WaitForExitAsync(cancellationToken);
        return node.ExitCode;
    }

    private static void BundleSizes()
    {
        var dist = Path.Combine(RepositoryLayout.Root, "src", "MonitoringWorkflows.Web", "wwwroot", "dist");
        Console.WriteLine("bundles (wwwroot/dist/*.js, minified; gzip -9 in brackets):");
        foreach (var file in Directory.EnumerateFiles(dist, "*.js").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            using var gzipped = new MemoryStream();
            using (var gzip = new System.IO.Compression.GZipStream(gzipped, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(bytes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Path.GetFileName(file),-28} {bytes.Length / 1024.0,8:F1} KB ({gzipped.Length / 1024.0:F1} KB)"));
        }
    }
}
