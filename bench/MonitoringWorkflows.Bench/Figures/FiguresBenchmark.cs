using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Bench.Load.Seed;
using MonitoringWorkflows.Web.Figures;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Bench.Figures;

/// <summary>
/// The analysts' figures over a seeded data folder (a copy: this mode migrates it, which backfills the victims' facts
/// once). The first call of each query runs on data the process has not read yet (the operating system may still
/// cache the file); then N calls, each figure the median and the slowest, wall and CPU time.
/// </summary>
internal static class FiguresBenchmark
{
    private static readonly FigureFilter[] Queries =
    [
        new(),
        new(By: "district,period,violenceType,ageGroup,sex,outcome"),
        new(By: "outcome,period", Year: 2026),
        new(By: "ageGroup,sex", ViolenceType: "physical", Outcome: "closed"),
    ];

    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        if (options.Positional.Count != 1) return Usage();
        var file = Path.Combine(Path.GetFullPath(options.Positional[0]), SeedHost.DatabaseFile);
        var runs = options.Int("runs", 10);
        var settings = new DbContextOptionsBuilder<WorkflowDbContext>().UseSqlite($"Data Source={file}").Options;
        await MigrateAsync(settings, cancellationToken);
        foreach (var filter in Queries)
        {
            var times = new List<(double Wall, double Cpu)>();
            for (var i = 0; i <= runs; i++)
            {
                await using var db = new WorkflowDbContext(settings);
                var cpu = CpuClock.Process();
                var clock = Stopwatch.StartNew();
                var table = await new FigureCounting(db).CountAsync(filter, cancellationToken);
                times.Add((clock.Elapsed.TotalMilliseconds, (CpuClock.Process() - cpu).TotalMilliseconds));
                if (i == 0) Console.WriteLine($"{Describe(filter)}: {table.Rows.Count} rows, total {table.Total}; first call {times[0].Wall:F0} ms wall, {times[0].Cpu:F0} ms CPU");
            }
            var wall = times.Skip(1).Select(t => t.Wall).Order().ToList();
            var cpuTimes = times.Skip(1).Select(t => t.Cpu).Order().ToList();
            Console.WriteLine($"    then wall median {wall[wall.Count / 2]:F0} ms, slowest {wall[^1]:F0} ms | CPU median {cpuTimes[cpuTimes.Count / 2]:F0} ms, slowest {cpuTimes[^1]:F0} ms ({runs} calls)");
        }
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine($"(load average {load} on {Environment.ProcessorCount} cores)");
        return 0;
    }

    /// <summary>Pending migrations, timed: on a folder seeded before the facts table, this is the backfill's cost.</summary>
    private static async Task MigrateAsync(DbContextOptions<WorkflowDbContext> settings, CancellationToken cancellationToken)
    {
        await using var db = new WorkflowDbContext(settings);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        var clock = Stopwatch.StartNew();
        await db.Database.MigrateAsync(cancellationToken);
        Console.WriteLine(pending.Count == 0 ? "no pending migrations"
            : $"migrated ({string.Join(", ", pending)}) in {clock.Elapsed.TotalSeconds:F1} s; {await db.VictimFacts.CountAsync(cancellationToken):N0} victims' facts");
    }

    private static string Describe(FigureFilter filter) =>
        $"by={string.Join(',', filter.Dimensions)}{(filter.Year is { } year ? $" year={year}" : "")}{(filter.ViolenceType is { } type ? $" type={type}" : "")}{(filter.Outcome is { } outcome ? $" outcome={outcome}" : "")}";

    private static int Usage()
    {
        Console.Error.WriteLine("usage: figures <data folder copy> [--runs 10]");
        return 2;
    }
}
