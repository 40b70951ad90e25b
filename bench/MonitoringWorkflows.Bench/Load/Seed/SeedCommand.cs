using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MonitoringWorkflows.Bench.InMemory;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Bench.Load.Seed;

/// <summary>
/// Mode <c>seed &lt;folder&gt;</c>: a data folder the web host runs on, with a generated history. The schema, the
/// organisation and the demo logins come from the host's own start-up code; template cases are run through the real
/// runner; their rows are then cloned by plain SQL into districts, years and case numbers of their own.
/// </summary>
internal static class SeedCommand
{
    /// <summary>How long ago the template cases start (their routes take up to about five months).</summary>
    private const int TemplateDays = 200;

    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        if (options.Positional.Count != 1) throw new ArgumentException("usage: seed <folder> [--instances 1000000] [--open-tasks 100000] [--districts 10]");
        var folder = Path.GetFullPath(options.Positional[0]);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new InvalidOperationException($"{folder} is not empty: the seeder makes a data folder from scratch.");
        Directory.CreateDirectory(folder);
        var plan = new HistoryPlan(options.Int("instances", 1_000_000), options.Int("open-tasks", 100_000), DateTimeOffset.UtcNow);
        var database = Path.Combine(folder, SeedHost.DatabaseFile);
        var clock = Stopwatch.StartNew();

        List<BenchDistrict> districts;
        List<CaseSnapshot> snapshots = [];
        await using (var host = await SeedHost.StartAsync(folder, plan.Now.AddDays(-TemplateDays), cancellationToken))
        {
            districts = await BenchOrganisation.CreateAsync(host.Services, options.Int("districts", 10), cancellationToken);
            var demoDistrict = await DemoDistrictAsync(host.Services, cancellationToken);
            var scenario = Scenario.Load(Path.Combine(RepositoryLayout.Scenarios, "referral.json"));
            var recorder = new TemplateRecorder(host, database, scenario, plan.Now.AddDays(-TemplateDays));
            var variants = TemplateVariants.All(scenario);
            foreach (var variant in variants) snapshots.AddRange(await recorder.RecordAsync(variant, demoDistrict, cancellationToken));
            plan.Variants = variants;
        }
        Console.WriteLine($"seed: schema, organisation ({districts.Count} districts, {districts.Count * BenchOrganisation.Members.Count} users) " +
            $"and {snapshots.Count} template snapshots in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var s in snapshots)
            Console.WriteLine($"  {s.Variant,-14} {(s.Completed ? "completed" : $"{s.OpenTasks} open"),-10} instances {s.Instances.Rows.Count} " +
                string.Join(" ", s.Children.Select(c => $"{c.Table} {c.Rows.Count}")) +
                $" state {s.Instances.Rows.Sum(r => ((string)r[s.Instances.Column("StateJson")]!).Length)} chars");

        var written = HistoryWriter.Write(database, plan, districts, snapshots, Console.Out);
        clock.Stop();
        var size = new FileInfo(database).Length;
        Console.WriteLine($"seed: {written} in {clock.Elapsed.TotalSeconds:F0} s; {database}: {size / 1024.0 / 1024.0:N0} MB");
        return 0;
    }

    private static async Task<int> DemoDistrictAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        return await db.Districts.Where(d => d.Code == OrganisationSeeder.DemoDistrictCode).Select(d => d.Id).SingleAsync(cancellationToken);
    }
}
