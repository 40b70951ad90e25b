using MonitoringWorkflows.Bench;
using MonitoringWorkflows.Bench.Compare;
using MonitoringWorkflows.Bench.InMemory;

var options = Options.Parse(args);
return options.Mode switch
{
    "engine" => EngineBenchmark.Run(options),
    "compare" => CompareBenchmark.Run(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/MonitoringWorkflows.Bench -- <mode> [options]
          engine   the main referral process end to end in memory, one thread   [--seconds 5] [--warmup 3] [--all-cores]
        """);
    return 2;
}
