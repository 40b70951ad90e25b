using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Bench.Load.Seed;
using MonitoringWorkflows.Web.Monitoring;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.ProtectionOrders;

namespace MonitoringWorkflows.Bench.Monitor;

/// <summary>
/// The dashboard and the process monitor over a seeded data folder (a copy: this mode migrates it, may add journal
/// entries and folds the journal into the tallies). Server time is measured around the same calls the API makes,
/// in one process, after a warm-up; each figure is the median and the slowest of N runs per district.
/// </summary>
internal static class MonitorBenchmark
{
    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        if (options.Positional.Count != 1) return Usage();
        var folder = Path.GetFullPath(options.Positional[0]);
        var runs = options.Int("runs", 20);
        var clock = Stopwatch.StartNew();
        await using var host = await SeedHost.StartAsync(folder, DateTimeOffset.UtcNow, cancellationToken, services => services.AddMonitoring().AddScoped<ExpiringOrders>());
        Console.WriteLine($"migrated and opened in {clock.Elapsed.TotalSeconds:F0} s");
        await JournalPadding.FillAsync(Path.Combine(folder, SeedHost.DatabaseFile), options.Int("journal", 10_000_000), cancellationToken);
        await FoldAsync(host.Services, cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        await PrintSizesAsync(db, cancellationToken);
        var referral = await db.ProcessDefinitions.Where(d => d.Key == "violenceReportReferral").OrderBy(d => d.Version)
            .Select(d => d.Version).FirstAsync(cancellationToken);
        var districts = await db.Districts.OrderBy(d => d.Code).Select(d => d.Id).ToListAsync(cancellationToken);
        var dashboard = new List<(double, double)>();
        var monitor = new List<(double, double)>();
        var casesAt = new List<(double, double)>();
        foreach (var district in districts)
        {
            var scopeOf = (await DistrictScope.OfAsync(db, district, cancellationToken))!;
            dashboard.AddRange(await TimeAsync(host.Services, runs, s => s.GetRequiredService<DashboardFigures>()
                .ForDistrictAsync(scopeOf, (id, name) => name ?? id, a => a, cancellationToken)));
            monitor.AddRange(await TimeAsync(host.Services, runs, s => s.GetRequiredService<ProcessMonitor>()
                .ForVersionAsync(scopeOf, "violenceReportReferral", referral, cancellationToken)));
            casesAt.AddRange(await TimeAsync(host.Services, runs, s => s.GetRequiredService<ProcessMonitor>()
                .CasesAtAsync(scopeOf, "violenceReportReferral", referral, "Task_RiskScreening", cancellationToken)));
        }
        var cold = await TimeAsync(host.Services, 1, s => new ProcessMonitor(s.GetRequiredService<WorkflowDbContext>(),
            s.GetRequiredService<TallyCatchUp>(), new LiveInstances()).ForVersionAsync(DistrictScope.All, "violenceReportReferral", referral, cancellationToken), warmUps: 0);
        var all = await TimeAsync(host.Services, runs, s => s.GetRequiredService<ProcessMonitor>()
            .ForVersionAsync(DistrictScope.All, "violenceReportReferral", referral, cancellationToken));
        Report("dashboard (per district)", dashboard);
        Report("process monitor (per district)", monitor);
        Report("cases at an element (per district)", casesAt);
        Report("process monitor (all districts, first read)", cold);
        Report("process monitor (all districts, administrator)", all);
        await IncrementalAsync(host.Services, folder, cancellationToken);
        return 0;
    }

    private static async Task FoldAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await services.GetRequiredService<TallyCatchUp>().RunAsync(int.MaxValue, cancellationToken);
        Console.WriteLine($"journal folded into the tallies in {clock.Elapsed.TotalSeconds:F1} s (once; the worker keeps up after that)");
    }

    /// <summary>The cost the worker pays per batch in steady state: a fresh batch of entries copied from the journal's end.</summary>
    private static async Task IncrementalAsync(IServiceProvider services, string folder, CancellationToken cancellationToken)
    {
        var added = await JournalPadding.AppendCopiesAsync(Path.Combine(folder, SeedHost.DatabaseFile), TallyCatchUp.BatchSize, cancellationToken);
        var clock = Stopwatch.StartNew();
        await services.GetRequiredService<TallyCatchUp>().RunAsync(int.MaxValue, cancellationToken);
        Console.WriteLine($"incremental fold of {added:N0} new journal entries: {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    /// <summary>Wall time and the process's CPU time per call: the machine is shared, and wall time includes waiting for a core.</summary>
    private static async Task<List<(double Wall, double Cpu)>> TimeAsync<T>(IServiceProvider services, int runs, Func<IServiceProvider, Task<T>> call,
        int warmUps = 2)
    {
        var times = new List<(double, double)>();
        var process = Process.GetCurrentProcess();
        for (var i = -warmUps; i < runs; i++)
        {
            await using var scope = services.CreateAsyncScope();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await call(scope.ServiceProvider);
            var wall = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            if (i >= 0) times.Add((wall, (process.TotalProcessorTime - cpu).TotalMilliseconds));
        }
        return times;
    }

    private static void Report(string what, List<(double Wall, double Cpu)> times)
    {
        var wall = times.Select(t => t.Wall).Order().ToList();
        var cpu = times.Select(t => t.Cpu).Order().ToList();
        static double P(List<double> sorted, double q) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(sorted.Count * q) - 1)];
        Console.WriteLine($"{what,-48} wall median {P(wall, 0.5),7:F1} ms  p95 {P(wall, 0.95),7:F1} ms | CPU median {P(cpu, 0.5),7:F1} ms  p95 {P(cpu, 0.95),7:F1} ms  ({times.Count} calls)");
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine($"{"",-48} (load average {load} on {Environment.ProcessorCount} cores)");
    }

    private static async Task PrintSizesAsync(WorkflowDbContext db, CancellationToken cancellationToken)
    {
        var instances = await db.ProcessInstances.LongCountAsync(cancellationToken);
        var active = await db.ProcessInstances.LongCountAsync(i => i.Status == Web.Persistence.Records.ProcessInstanceStatus.Running, cancellationToken);
        var journal = await db.Database.SqlQuery<long>($"""SELECT MAX("Id") AS "Value" FROM "JournalEntries" """).SingleAsync(cancellationToken);
        var tallies = await db.Set<MonitorTally>().LongCountAsync(cancellationToken);
        Console.WriteLine($"{instances:N0} instances ({active:N0} running), journal ids up to {journal:N0}, {tallies:N0} tally rows");
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: monitor <data folder copy> [--runs 20] [--journal 10000000]");
        return 2;
    }
}
