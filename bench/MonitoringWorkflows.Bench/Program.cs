using MonitoringWorkflows.Bench;
using MonitoringWorkflows.Bench.Compare;
using MonitoringWorkflows.Bench.Designer;
using MonitoringWorkflows.Bench.Figures;
using MonitoringWorkflows.Bench.InMemory;
using MonitoringWorkflows.Bench.Load.Run;
using MonitoringWorkflows.Bench.Load.Seed;
using MonitoringWorkflows.Bench.Monitor;
using MonitoringWorkflows.Bench.Sqlite;
using MonitoringWorkflows.Bench.Timers;

var options = Options.Parse(args);
return options.Mode switch
{
    "engine" => EngineBenchmark.Run(options),
    "compare" => CompareBenchmark.Run(options),
    "sqlite" => await SqliteBenchmark.RunAsync(options, CancellationToken.None),
    "timers" => await TimerBenchmark.RunAsync(options, CancellationToken.None),
    "seed" => await SeedCommand.RunAsync(options, CancellationToken.None),
    "load" => await LoadCommand.RunAsync(options, CancellationToken.None),
    "monitor" => await MonitorBenchmark.RunAsync(options, CancellationToken.None),
    "designer" => await DesignerBenchmark.RunAsync(options, CancellationToken.None),
    "figures" => await FiguresBenchmark.RunAsync(options, CancellationToken.None),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/MonitoringWorkflows.Bench -- <mode> [options]
          engine   the main referral process end to end in memory, one thread
                   [--seconds 5] [--warmup 5] [--route-seconds 2] [--routes high,medium,low] [--all-cores] [--profile]
          compare  the same BPMN files on our engine and on the npm package bpmn-engine
                   [--seconds 5] [--warmup 5] [--routes high,medium,low] [--all-cores]
          sqlite   task completions/s through WorkflowRunner on SQLite, and the raw commit ceiling
                   [--instances 2000] [--synchronous FULL] [--ceiling-seconds 5]
          timers   N timers on Quartz: fire latency vs due time, and a restart with N pending (none lost, none twice)
                   [--timers 10000] [--spread 3] [--lead 10] [--batches both|on|off]
          seed     <folder> a data folder for the web host with a generated history (see bench/README.md)
                   [--instances 1000000] [--open-tasks 100000] [--districts 10]
          load     <folder> the web host on a seeded folder under N signed-in clients: latencies per request, RSS
                   [--clients 32] [--duration 30s] [--warmup 60s] [--mix issue|today|/path,/path/{task}@Role,...] [--web dll]
          monitor  <folder copy> dashboard and process monitor server time per district (migrates, pads the journal, folds it)
                   [--runs 20] [--journal 10000000]
          designer the designer on a fresh host: server validation of a generated definition, designer ready in
                   headless chromium (needs the browser tests built), bundle sizes [--elements 200] [--runs 50] [--loads 10]
          figures  <folder copy> the analysts' figures (migrates: backfills the victims' facts once) [--runs 10]
        """);
    return 2;
}
