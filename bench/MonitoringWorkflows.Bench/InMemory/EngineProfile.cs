using System.Diagnostics;
using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Expressions;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Bench.InMemory;

/// <summary>
/// <c>engine --profile</c>: where an instance's time goes, measured with stopwatch sections (no profiler here):
/// the host, the executor, the JavaScript sandbox by kind of call, the state copy each step makes, the sandbox's
/// fixed cost per call, and what its limits cost (the same calls on evaluators built with a limit switched off).
/// </summary>
internal static class EngineProfile
{
    public static void Run(Options options)
    {
        var timed = new TimedEvaluator(new JintExpressionEvaluator());
        var workload = new ReferralWorkload(CallActivityMode.RunChild, timed);
        workload.Scenario.KeepRoutes(options.Text("routes"));
        Throughput.Measure(options.Seconds("warmup", 5), workload.RunOne);
        timed.Reset();
        var (ticks, steps, bytes) = (workload.Host.StepTicks, workload.Host.Steps, workload.Host.StepBytes);
        var run = Throughput.Measure(options.Seconds("seconds", 5), workload.RunOne);
        var n = run.Operations;
        var step = Stopwatch.GetElapsedTime(0, workload.Host.StepTicks - ticks).TotalMicroseconds / n;
        var tallies = new[] { timed.Scripts, timed.Expressions, timed.Conditions };
        var javaScript = tallies.Sum(t => t.Elapsed.TotalMicroseconds) / n;
        var stepBytes = (double)(workload.Host.StepBytes - bytes) / n;
        var javaScriptBytes = (double)tallies.Sum(t => t.Bytes) / n;
        Console.WriteLine($"profile: where one instance's {run.MicrosecondsEach:N1} µs (wall-clock; {run.CpuMicrosecondsEach:N1} µs CPU) go " +
            $"({(double)(workload.Host.Steps - steps) / n:N1} steps each, {run.BytesEach:N0} B allocated); stopwatch sections (wall-clock) and bytes allocated:");
        var whole = (run.MicrosecondsEach, run.BytesEach);
        Line("executor (ProcessExecutor.Step, all of it)", step, stepBytes, whole);
        Line($"  JavaScript scripts      ({(double)timed.Scripts.Calls / n:N1} calls)", timed.Scripts.Elapsed.TotalMicroseconds / n, (double)timed.Scripts.Bytes / n, whole);
        Line($"  JavaScript expressions  ({(double)timed.Expressions.Calls / n:N1} calls)", timed.Expressions.Elapsed.TotalMicroseconds / n, (double)timed.Expressions.Bytes / n, whole);
        Line($"  JavaScript conditions   ({(double)timed.Conditions.Calls / n:N1} calls)", timed.Conditions.Elapsed.TotalMicroseconds / n, (double)timed.Conditions.Bytes / n, whole);
        Line("  the rest of the executor (tokens, scopes, state copy, JSON variables, journal, effects)", step - javaScript, stepBytes - javaScriptBytes, whole);
        Line("host (the bench's in-memory host: form data copies, effect bookkeeping)", run.MicrosecondsEach - step, run.BytesEach - stepBytes, whole);
        TopSources(timed, n);
        StateCopies(workload);
        SandboxCosts(options);
        LimitsOnTheWorkload(options);
    }

    private static void TopSources(TimedEvaluator timed, long instances)
    {
        Console.WriteLine("JavaScript sources that cost the most, per instance:");
        foreach (var (text, tally) in timed.BySource.OrderByDescending(p => p.Value.Ticks).Take(6))
        {
            var oneLine = string.Join(' ', text.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
            Console.WriteLine($"  {tally.Elapsed.TotalMicroseconds / instances,8:N1} µs {tally.Bytes / instances,8:N0} B  {(double)tally.Calls / instances,4:N1} calls " +
                $"({tally.Elapsed.TotalMicroseconds / tally.Calls,6:N1} µs each)  {(oneLine.Length > 70 ? oneLine[..70] + "…" : oneLine)}");
        }
    }

    /// <summary>The whole workload with the sandbox's limits as they are and with some switched off, taken in turns to even out the machine's noise.</summary>
    private static void LimitsOnTheWorkload(Options options)
    {
        var variants = new (string Name, ExpressionLimits Limits)[]
        {
            ("default limits", ExpressionLimits.Default),
            ("no wall-clock timeout", ExpressionLimits.Default with { Timeout = TimeSpan.Zero }),
            ("no timeout, no memory limit", ExpressionLimits.Default with { Timeout = TimeSpan.Zero, MaxAllocatedBytes = 0 }),
        };
        var workloads = variants.Select(v => new ReferralWorkload(CallActivityMode.RunChild, new JintExpressionEvaluator(v.Limits))).ToList();
        foreach (var workload in workloads) workload.Scenario.KeepRoutes(options.Text("routes"));
        foreach (var workload in workloads) Throughput.Measure(TimeSpan.FromSeconds(1), workload.RunOne);
        var cpu = variants.Select(_ => new List<double>()).ToList();
        for (var round = 0; round < 3; round++)
            for (var i = 0; i < workloads.Count; i++)
                cpu[i].Add(Throughput.Measure(TimeSpan.FromSeconds(1.5), workloads[i].RunOne).CpuMicrosecondsEach);
        Console.WriteLine("the whole workload by sandbox limits (median of 3 turns, µs of CPU per instance):");
        for (var i = 0; i < variants.Length; i++)
            Console.WriteLine($"  {variants[i].Name,-30} {cpu[i].Order().ElementAt(1),8:N1} µs -> {1e6 / cpu[i].Order().ElementAt(1),8:N0} instances per CPU-second");
    }

    private static void Line(string what, double microseconds, double bytes, (double Microseconds, double Bytes) whole) =>
        Console.WriteLine($"  {what,-92} {microseconds,8:N1} µs {microseconds / whole.Microseconds,4:P0}  {bytes,9:N0} B {bytes / whole.Bytes,4:P0}");

    /// <summary>
    /// What the executor's own bookkeeping costs, re-done here on the states and results of one instance per route:
    /// the copy of the state each step starts with (variables shared until the first write), the deep copy of the
    /// variables a step makes when it first writes one, and the journal's data (deep copies of what changed).
    /// </summary>
    private static void StateCopies(ReferralWorkload workload)
    {
        var states = new List<InstanceState>();
        var results = new List<StepResult>();
        workload.Host.BeforeStep = states.Add;
        workload.Host.AfterStep = results.Add;
        foreach (var route in workload.Scenario.Routes) workload.RunRoute(route);
        workload.Host.BeforeStep = null;
        workload.Host.AfterStep = null;
        var routes = workload.Scenario.Routes.Count;
        var journal = results.SelectMany(r => r.Effects).OfType<JournalEntry>().ToList();
        var withData = journal.Where(j => j.Data is not null).Select(j => j.Data!).ToList();
        Console.WriteLine($"executor bookkeeping, per instance ({states.Count / (double)routes:N1} steps, {results.Sum(r => r.Effects.Count) / (double)routes:N1} effects, " +
            $"{journal.Count / (double)routes:N1} journal entries, {withData.Count / (double)routes:N1} of them with data):");
        Redo("copy of the state at each step, variables shared", routes, () => { foreach (var state in states) state.CopyForStep(); });
        Redo("deep copy of the variables, if every step wrote one", routes, () => { foreach (var state in states) state.Variables.DeepClone(); });
        Redo("deep copies of the journal entries' data", routes, () => { foreach (var data in withData) data.DeepClone(); });
    }

    private static void Redo(string what, int instances, Action action)
    {
        for (var i = 0; i < 50; i++) action();
        const int rounds = 500;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var micros = Time(() => { for (var i = 0; i < rounds; i++) action(); });
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine($"  {what,-60} {micros / rounds / instances,8:N1} µs CPU  {bytes / rounds / instances,9:N0} B");
    }

    /// <summary>The sandbox's cost per call, with its default limits and with one limit switched off at a time.</summary>
    private static void SandboxCosts(Options options)
    {
        var variables = VariablesOfAScreenedCase();
        var scope = new VariableScope(variables);
        var script = ScoringScript();
        var kinds = new (string Name, ExpressionLimits Limits)[]
        {
            ("default limits", ExpressionLimits.Default),
            ("no wall-clock timeout", ExpressionLimits.Default with { Timeout = TimeSpan.Zero }),
            ("no memory limit", ExpressionLimits.Default with { MaxAllocatedBytes = 0 }),
            ("no timeout, no memory limit", ExpressionLimits.Default with { Timeout = TimeSpan.Zero, MaxAllocatedBytes = 0 }),
        };
        Console.WriteLine($"sandbox per call (µs of the process's CPU time), over a screened case's {variables.Count} variables:");
        Console.WriteLine($"  {"evaluator",-30} {"`true`",10} {"condition",10} {"text expr",10} {"score script",13}");
        foreach (var (name, limits) in kinds)
        {
            var evaluator = new JintExpressionEvaluator(limits);
            var constant = PerCall(() => evaluator.Evaluate("true", scope));
            var condition = PerCall(() => evaluator.EvaluateCondition("riskLevel === 'grave' || riskLevel === 'high'", scope));
            var text = PerCall(() => evaluator.Evaluate("'Risk screening scored ' + riskScore + ' of 24 (level ' + riskLevel + ')'", scope));
            var scoring = PerCall(() => evaluator.RunScript(script, scope));
            Console.WriteLine($"  {name,-30} {constant,10:N2} {condition,10:N2} {text,10:N2} {scoring,13:N2}");
        }
        Console.WriteLine($"  {"bare Jint (no sandbox)",-30} {BareJint("true", variables),10:N2} {BareJint("riskLevel === 'grave' || riskLevel === 'high'", variables),10:N2} " +
            $"{BareJint("'Risk screening scored ' + riskScore + ' of 24 (level ' + riskLevel + ')'", variables),10:N2} {BareJint(script, variables, isScript: true),13:N2}");
    }

    /// <summary>
    /// The floor: a plain Jint engine, the variables set once as globals, the source prepared once, no limits, no
    /// reset between calls. What the sandbox adds is the difference.
    /// </summary>
    private static double BareJint(string source, JsonObject variables, bool isScript = false)
    {
        var engine = new Jint.Engine();
        foreach (var (name, value) in variables)
            engine.SetValue(name, engine.Evaluate("(" + (value?.ToJsonString() ?? "null") + ")"));
        if (isScript)
        {
            var prepared = Jint.Engine.PrepareScript(source);
            return PerCall(() => engine.Execute(prepared));
        }
        var expression = Jint.Engine.PrepareScript(source);
        return PerCall(() => engine.Evaluate(expression));
    }

    private static JsonObject VariablesOfAScreenedCase()
    {
        var scenario = Scenario.Load(Path.Combine(RepositoryLayout.Scenarios, "referral.json"));
        var route = scenario.Routes[0];
        var variables = route.Start.DeepClone().AsObject();
        foreach (var (name, value) in scenario.FormData(route, "risk-screening")!) variables[name] = value?.DeepClone();
        variables["riskScore"] = 15;
        variables["riskLevel"] = "high";
        variables["highRiskThreshold"] = 14;
        variables["mediumRiskThreshold"] = 7;
        variables["escalationIncidentThreshold"] = 3;
        return variables;
    }

    private static string ScoringScript()
    {
        var library = ProcessLibrary.FromFiles([Path.Combine(RepositoryLayout.Workflows, "violence-report-referral.bpmn")]);
        var task = library["violenceReportReferral"].AllNodes.OfType<MonitoringWorkflows.Engine.Model.ScriptTask>().First();
        return task.Script!;
    }

    /// <summary>
    /// CPU µs per call, of the whole process: the sandbox's time limit runs on a timer, and the timer thread's work
    /// (on the same core when pinned) belongs to the call as much as the call's own thread does.
    /// </summary>
    private static double PerCall(Action call)
    {
        for (var i = 0; i < 2_000; i++) call();
        var measured = Throughput.Measure(TimeSpan.FromMilliseconds(400), _ => call());
        return measured.CpuMicrosecondsEach;
    }

    /// <summary>CPU time of this thread, in µs: other processes on the machine do not count.</summary>
    private static double Time(Action action)
    {
        var started = CpuClock.Thread();
        action();
        return (CpuClock.Thread() - started).TotalMicroseconds;
    }
}
