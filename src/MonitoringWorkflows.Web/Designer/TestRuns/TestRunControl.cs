using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Designer.Versions;

namespace MonitoringWorkflows.Web.Designer.TestRuns;

/// <summary>Start a test run of posted BPMN XML (a draft) or of a stored published version (<see cref="ProcessKey"/> and <see cref="Version"/>, newest when absent).</summary>
public sealed record StartTestRun(string? Xml, string? ProcessKey, int? Version, JsonObject? Variables);

/// <summary>A message for the test run: the first of its active instances waiting for <see cref="Name"/> gets it.</summary>
public sealed record TestMessage(string? Name, JsonObject? Data);

/// <summary>What happened to a request on a test run, with the run as it is now (null when there is no such run).</summary>
public sealed record TestRunAnswer(TestRunResult Result, TestRunView? Run, IReadOnlyList<string>? Errors = null);

/// <summary>The test run operations of the designer: start, step (tasks, timers, messages), look, forget.</summary>
public sealed class TestRunControl(TestRunStore store, TestRunner runner, ProcessVersions versions, TestForms forms, TimeProvider time)
{
    private static readonly TestRunAnswer Missing = new(new TestRunResult(TestRunOutcome.NotFound, "There is no such test run (it may have expired)."), null);

    public async Task<TestRunAnswer> StartAsync(StartTestRun request, string owner, CancellationToken cancellationToken)
    {
        var (instance, errors) = await ResolveAsync(request, cancellationToken);
        if (instance is null) return new TestRunAnswer(new TestRunResult(TestRunOutcome.Rejected, "The process cannot be run."), null, errors);
        var run = new TestRun(Guid.NewGuid(), owner, time.GetUtcNow());
        run.Instances.Add(instance);
        var result = await runner.ApplyAsync(run, instance, new StartInstance(request.Variables) { Actor = owner }, cancellationToken);
        if (!store.TryAdd(run))
            return new TestRunAnswer(new TestRunResult(TestRunOutcome.Rejected, "Too many test runs are open on this server: delete some, or wait for them to expire."), null);
        return new TestRunAnswer(result, await ViewAsync(run, cancellationToken));
    }

    public Task<TestRunAnswer> ViewAsync(Guid id, string owner, CancellationToken cancellationToken) =>
        WithRunAsync(id, owner, _ => Task.FromResult(TestRunResult.Ok), cancellationToken);

    /// <summary>Completes an open task named by its run-wide id or, when not a number, by its element id.</summary>
    public Task<TestRunAnswer> CompleteAsync(Guid id, string owner, string task, JsonObject? data, CancellationToken cancellationToken) =>
        WithRunAsync(id, owner, run =>
        {
            var open = int.TryParse(task, out var number)
                ? run.Tasks.FirstOrDefault(t => t.Id == number)
                : run.Tasks.FirstOrDefault(t => t.ElementId == task);
            if (open is null)
                return Task.FromResult(new TestRunResult(TestRunOutcome.Rejected, $"No open task '{task}' in this test run: it may have been completed or cancelled meanwhile."));
            return runner.ApplyAsync(run, InstanceOf(run, open.InstanceNo), new CompleteTask(open.TaskId, data) { Actor = owner }, cancellationToken);
        }, cancellationToken);

    /// <summary>Fires a pending timer now, moving the run's clock to its due time when that is later.</summary>
    public Task<TestRunAnswer> FireAsync(Guid id, string owner, int timer, CancellationToken cancellationToken) =>
        WithRunAsync(id, owner, async run =>
        {
            if (run.Timers.FirstOrDefault(t => t.Id == timer) is not { } pending)
                return new TestRunResult(TestRunOutcome.Rejected, $"No pending timer {timer} in this test run: it may have fired or been cancelled meanwhile.");
            var restoreClock = run.Now;
            if (pending.DueAt > run.Now) run.Now = pending.DueAt;
            run.Timers.Remove(pending);
            var result = await runner.ApplyAsync(run, InstanceOf(run, pending.InstanceNo), new FireTimer(pending.TimerId) { Actor = "timer" }, cancellationToken);
            if (result.Outcome != TestRunOutcome.Ok)
            {
                // The unit of work was put back; so is the timer and the clock it moved.
                run.Now = restoreClock;
                if (!run.Timers.Contains(pending)) run.Timers.Add(pending);
            }
            return result;
        }, cancellationToken);

    public Task<TestRunAnswer> MessageAsync(Guid id, string owner, TestMessage message, CancellationToken cancellationToken) =>
        WithRunAsync(id, owner, run =>
        {
            var waiting = run.Instances.FirstOrDefault(i => i.IsActive && i.State.Subscriptions
                .Any(s => s.Kind == SubscriptionKind.Message && s.MessageName == message.Name));
            if (waiting is null)
                return Task.FromResult(new TestRunResult(TestRunOutcome.Rejected, $"Nothing in this test run waits for message '{message.Name}'."));
            return runner.ApplyAsync(run, waiting, new ReceiveMessage(message.Name!, message.Data) { Actor = owner }, cancellationToken);
        }, cancellationToken);

    /// <summary>Forgets the owner's run; true when there was one.</summary>
    public bool Delete(Guid id, string owner) => store.Remove(id, owner);

    private async Task<TestRunAnswer> WithRunAsync(Guid id, string owner, Func<TestRun, Task<TestRunResult>> work, CancellationToken cancellationToken)
    {
        if (store.Find(id, owner) is not { } run) return Missing;
        await run.Gate.WaitAsync(cancellationToken);
        try
        {
            var result = await work(run);
            return new TestRunAnswer(result, await ViewAsync(run, cancellationToken));
        }
        finally
        {
            run.Gate.Release();
        }
    }

    private async Task<TestRunView> ViewAsync(TestRun run, CancellationToken cancellationToken) =>
        TestRunView.Of(run, await forms.ForAsync(run.Tasks, cancellationToken));

    private static SandboxInstance InstanceOf(TestRun run, int no) => run.Instances.Single(i => i.No == no);

    private async Task<(SandboxInstance?, IReadOnlyList<string>)> ResolveAsync(StartTestRun request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(request.Xml)) return Draft(request.Xml, request.ProcessKey);
        if (string.IsNullOrWhiteSpace(request.ProcessKey)) return (null, ["Send the draft's BPMN XML, or the key of a published process."]);
        var row = request.Version is { } version
            ? await versions.FindAsync(request.ProcessKey, version, cancellationToken)
            : await versions.LatestAsync(request.ProcessKey, cancellationToken);
        if (row is null) return (null, [$"Process '{request.ProcessKey}' has no such published version."]);
        return (new SandboxInstance
        {
            No = 1, ProcessKey = row.Key, Version = $"v{row.Version}", BpmnXml = row.BpmnXml,
            Definition = versions.Model(row),
        }, []);
    }

    private static (SandboxInstance?, IReadOnlyList<string>) Draft(string xml, string? processKey)
    {
        var read = new BpmnReader().Read(xml);
        var errors = read.Errors.Select(e => e.ToString()).ToList();
        if (read.Document is not { } document || errors.Count > 0) return (null, errors.Count > 0 ? errors : ["The file cannot be read."]);
        ProcessDefinition? process = processKey is null ? document.MainProcess : document.Process(processKey);
        if (process is null) return (null, [$"The file has no process '{processKey}'."]);
        return (new SandboxInstance { No = 1, ProcessKey = process.Id, Version = "draft", BpmnXml = xml, Definition = process }, []);
    }
}
