namespace MonitoringWorkflows.Bench.Load.Seed;

/// <summary>
/// How much history to write and over which time: closed cases spread evenly over the last years up to a few weeks
/// ago, then running cases whose open tasks were opened recently (some of them already overdue, some claimed).
/// </summary>
internal sealed class HistoryPlan(int completedInstances, int openTasks, DateTimeOffset now)
{
    public int CompletedInstances { get; } = completedInstances;
    public int OpenTasks { get; } = openTasks;

    /// <summary>The moment "now" of the generated history (the seeding's start): running cases' due dates are relative to it.</summary>
    public DateTimeOffset Now { get; } = now;

    public DateTimeOffset HistoryStart => Now.AddYears(-5);
    public DateTimeOffset HistoryEnd => Now.AddDays(-45);

    public double OverdueShare { get; init; } = 0.15;
    public double ClaimedShare { get; init; } = 0.25;

    /// <summary>Transactions of this many cases: big enough that commits cost nothing, small enough to show progress.</summary>
    public int CasesPerTransaction { get; init; } = 5_000;

    public IReadOnlyList<TemplateVariant> Variants { get; set; } = [];
}
