using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MonitoringWorkflows.Bench.Load.Run;

/// <summary>
/// The real web host in a process of its own (<c>dotnet MonitoringWorkflows.Web.dll</c>, built in Release), on a
/// free loopback port and the given data folder, in demo mode (the seeded logins are demo logins). Its output goes
/// to a log file; it is stopped (and waited for) on dispose.
/// </summary>
internal sealed class WebHostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private WebHostProcess(Process process, StreamWriter log, Uri address)
    {
        this.process = process;
        this.log = log;
        Address = address;
    }

    public Uri Address { get; }
    public int ProcessId => process.Id;
    public bool HasExited => process.HasExited;

    public static string DefaultDll => Path.Combine(RepositoryLayout.Root, "src", "MonitoringWorkflows.Web", "bin", "Release", "net10.0",
        "MonitoringWorkflows.Web.dll");

    public static WebHostProcess Start(string dll, string dataFolder, string logPath, IReadOnlyDictionary<string, string> settings)
    {
        if (!File.Exists(dll))
            throw new FileNotFoundException($"No web host at {dll}: dotnet build -c Release src/MonitoringWorkflows.Web (or give --web <dll>).");
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            // The project folder as content root: its wwwroot, as under dotnet run; settings come from beside the dll.
            WorkingDirectory = ContentRoot(dll),
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Data__Folder"] = dataFolder;
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings) start.Environment[name] = value;
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WebHostProcess(process, log, address);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log) log.WriteLine(line);
    }

    /// <summary>Waits until /health answers 200 (migrations, first-start seeding and the workflow import are done by then).</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited) throw new InvalidOperationException($"The web host exited with code {process.ExitCode} before it was healthy.");
            if (await HealthyAsync(client, cancellationToken)) return;
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"The web host was not healthy within {timeout.TotalSeconds:F0} s.");
    }

    private static async Task<bool> HealthyAsync(HttpClient client, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync("/health", cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
    }

    /// <summary>CPU time the host process has used (user + system), from /proc/&lt;pid&gt;/stat.</summary>
    public TimeSpan CpuTime() => StatCpu($"/proc/{process.Id}/stat");

    /// <summary>
    /// CPU time of each of the runtime's tiered-compilation threads (".NET Tiered Com…") by thread id: the JIT
    /// re-compiling hot methods with what it learned (tiered PGO). While it still works, a run measures a host not yet warm.
    /// </summary>
    public Dictionary<int, TimeSpan> JitThreads()
    {
        var threads = new Dictionary<int, TimeSpan>();
        foreach (var thread in Directory.EnumerateDirectories($"/proc/{process.Id}/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(thread, "comm")).StartsWith(".NET Tiered Com", StringComparison.Ordinal))
                    threads[int.Parse(Path.GetFileName(thread), CultureInfo.InvariantCulture)] = StatCpu(Path.Combine(thread, "stat"));
            }
            catch (IOException)
            {
                // The thread ended between listing and reading: the sampler keeps what it saw of it before.
            }
        }
        return threads;
    }

    private static TimeSpan StatCpu(string statFile)
    {
        var fields = File.ReadAllText(statFile).Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // After the command name: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>The project folder the dll was built from (…/src/MonitoringWorkflows.Web/bin/…), else the dll's own folder.</summary>
    private static string ContentRoot(string dll)
    {
        for (var folder = new FileInfo(dll).Directory; folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "MonitoringWorkflows.Web.csproj"))) return folder.FullName;
        return Path.GetDirectoryName(Path.GetFullPath(dll))!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // Stopped by its id: SIGTERM lets the host shut down cleanly; the kill is for a host that does not.
            Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
            }
        }
        process.Dispose();
        await log.DisposeAsync();
    }
}
