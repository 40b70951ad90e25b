using MonitoringWorkflows.Bench;
using MonitoringWorkflows.Bench.Compare;
using MonitoringWorkflows.Bench.InMemory;
using MonitoringWorkflows.Bench.Sqlite;
using MonitoringWorkflows.Bench.Timers;

var options = Options.Parse(args);
return options.Mode switch
{
    "engine" => EngineBenchmark.Run(options),
    "compare" => CompareBenchmark.Run(options),
    "sqlite" => await SqliteBenchmark.RunAsync(options, CancellationToken.None),
    "timers" => await TimerBenchmark.RunAsync(options, CancellationToken.None),
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
                   [--timers 10000] [--spread 3] [--lead 10]
        """);
    return 2;
}
