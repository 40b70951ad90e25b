using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Support;
using static MonitoringWorkflows.Web.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Web.Tests.Runtime;

public sealed class WorkflowRunnerConcurrencyTests
{
    [Fact]
    public async Task CompleteTask_TwoConcurrentCompletions_ExactlyOneSucceedsAndTheOtherConflicts()
    {
        await using var host = await RunnerHost.StartAsync(("twoSteps", Sequence("twoSteps", UserTask("A"), UserTask("B"))));
        // Several rounds, so both the race on the instance's version and the already-completed path get exercised.
        for (var round = 0; round < 10; round++)
        {
            var id = await host.StartAsync("twoSteps", businessKey: $"CASE-{round}");
            var task = await host.OpenTaskAsync(id, "A");
            using var start = new ManualResetEventSlim();

            var results = await Task.WhenAll(
                Task.Run(async () => { start.Wait(); return await host.Runner.CompleteTaskAsync(task.Id, null, "first", CancellationToken.None); }),
                Task.Run(async () => { start.Wait(); return await host.Runner.CompleteTaskAsync(task.Id, null, "second", CancellationToken.None); }),
                Task.Run(() => { start.Set(); return new RunResult(RunOutcome.Ok); }));

            Assert.Single(results[..2], r => r.Outcome == RunOutcome.Ok);
            Assert.Single(results[..2], r => r.Outcome == RunOutcome.Conflict);
            Assert.Equal(2, (await host.InstanceAsync(id)).Version);
            Assert.Single(await host.TasksAsync(id), t => t.ElementId == "B" && t.Status == UserTaskStatus.Open);
        }
    }
}
