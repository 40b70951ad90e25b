using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Support;
using static MonitoringWorkflows.Web.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Web.Tests.Runtime;

public sealed class WorkflowRunnerIncidentTests
{
    // A → gateway on an expression over a variable the form may not have submitted → B (high) or End.
    private static readonly string Screening = Process("screening", """
        <bpmn:startEvent id="Start" />
        <bpmn:userTask id="A" mw:agency="Police" />
        <bpmn:exclusiveGateway id="Level" default="F_Low" />
        <bpmn:userTask id="B" mw:agency="Health" />
        <bpmn:endEvent id="End" />
        """ + Flow("F1", "Start", "A") + Flow("F2", "A", "Level")
        + Flow("F_High", "Level", "B", "risk.score >= 14") + Flow("F_Low", "Level", "End") + Flow("F3", "B", "End"));

    [Fact]
    public async Task CompleteTask_ExpressionFails_RecordsOneIncidentAndLeavesStateAsItWas()
    {
        await using var host = await RunnerHost.StartAsync(("screening", Screening));
        var id = await host.StartAsync("screening");
        var before = await host.InstanceAsync(id);
        var journalBefore = (await host.RowsAsync<JournalEntryRecord>(id)).Count;
        var task = await host.OpenTaskAsync(id, "A");

        var result = await host.Runner.CompleteTaskAsync(task.Id, new JsonObject { ["note"] = "no score" }, "officer", CancellationToken.None);

        Assert.Equal(RunOutcome.Incident, result.Outcome);
        var after = await host.InstanceAsync(id);
        Assert.Equal(ProcessInstanceStatus.Incident, after.Status);
        Assert.Equal(before.StateJson, after.StateJson);
        Assert.Equal(UserTaskStatus.Open, (await host.OpenTaskAsync(id, "A")).Status);
        Assert.Equal(journalBefore, (await host.RowsAsync<JournalEntryRecord>(id)).Count);
        var incident = Assert.Single(await host.RowsAsync<IncidentRecord>(id));
        Assert.Equal(result.IncidentId, incident.Id);
        Assert.Equal("Level", incident.ElementId);
        Assert.Null(incident.ResolvedAt);
        Assert.Contains("CompleteTask", incident.TriggerJson);
    }

    [Fact]
    public async Task RetryIncident_AfterTheVariableIsFixed_AppliesTheStoredTriggerAndResolvesIt()
    {
        await using var host = await RunnerHost.StartAsync(("screening", Screening));
        var id = await host.StartAsync("screening");
        var task = await host.OpenTaskAsync(id, "A");
        var failed = await host.Runner.CompleteTaskAsync(task.Id, new JsonObject { ["note"] = "x" }, "officer", CancellationToken.None);
        var stillFailing = await host.Runner.RetryIncidentAsync(failed.IncidentId!.Value, CancellationToken.None);
        Assert.Equal(RunOutcome.Incident, stillFailing.Outcome);
        await FixVariableAsync(host, id, "risk", new JsonObject { ["score"] = 16 });

        var retried = await host.Runner.RetryIncidentAsync(failed.IncidentId!.Value, CancellationToken.None);

        Assert.True(retried.IsOk, retried.Message);
        var incident = Assert.Single(await host.RowsAsync<IncidentRecord>(id));
        Assert.Equal(host.Time.GetUtcNow(), incident.ResolvedAt);
        Assert.Equal(ProcessInstanceStatus.Running, (await host.InstanceAsync(id)).Status);
        var completed = Assert.Single(await host.TasksAsync(id), t => t.ElementId == "A");
        Assert.Equal(UserTaskStatus.Completed, completed.Status);
        Assert.Equal("officer", completed.CompletedBy);
        await host.OpenTaskAsync(id, "B");
        var again = await host.Runner.RetryIncidentAsync(failed.IncidentId!.Value, CancellationToken.None);
        Assert.Equal(RunOutcome.Conflict, again.Outcome);
    }

    [Fact]
    public async Task Start_UncaughtError_KeepsTheInstanceInIncidentWithItsInitialState()
    {
        var throws = Sequence("throws", """<bpmn:endEvent id="Fail"><bpmn:errorEventDefinition errorRef="Err" /></bpmn:endEvent>""")
            .Replace("<bpmn:process", """<bpmn:error id="Err" errorCode="NO_CONSENT" /><bpmn:process""")
            .Replace("""<bpmn:sequenceFlow id="F_Fail_End" sourceRef="Fail" targetRef="End" />""", "");
        await using var host = await RunnerHost.StartAsync(("throws", throws));

        var result = await host.Runner.StartAsync("throws", "CASE-9", null, "registrar", CancellationToken.None);

        Assert.Equal(RunOutcome.Incident, result.Outcome);
        var instance = await host.InstanceAsync(result.InstanceId!.Value);
        Assert.Equal(ProcessInstanceStatus.Incident, instance.Status);
        Assert.Equal("CASE-9", instance.BusinessKey);
        Assert.Empty(RuntimeJson.DeserializeState(instance.StateJson).Tokens);
        var incident = Assert.Single(await host.RowsAsync<IncidentRecord>(instance.Id));
        Assert.Equal("ERROR001", incident.Code);
        Assert.Contains("StartInstance", incident.TriggerJson);
        Assert.Empty(await host.RowsAsync<JournalEntryRecord>(instance.Id));
    }

    [Fact]
    public async Task CompleteTask_FailureWhileWritingItsRows_LeavesNothingHalfApplied()
    {
        await using var host = await RunnerHost.StartAsync(("twoSteps", Sequence("twoSteps", UserTask("A"), UserTask("B"))));
        var id = await host.StartAsync("twoSteps");
        var before = await host.InstanceAsync(id);
        var journalBefore = (await host.RowsAsync<JournalEntryRecord>(id)).Count;
        // The executor has returned and the runner is writing: the instance and task A updates go through,
        // then the insert of task B fails inside the same transaction.
        await using (var db = host.Db())
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER FailOnB BEFORE INSERT ON UserTasks WHEN NEW.ElementId = 'B'
                BEGIN SELECT RAISE(ABORT, 'forced failure'); END;
                """);
        }

        var result = await host.Runner.CompleteTaskAsync((await host.OpenTaskAsync(id, "A")).Id, null, "officer", CancellationToken.None);

        Assert.Equal(RunOutcome.Incident, result.Outcome);
        Assert.Contains("forced failure", result.Message);
        var after = await host.InstanceAsync(id);
        Assert.Equal(before.StateJson, after.StateJson);
        Assert.Equal(ProcessInstanceStatus.Incident, after.Status);
        Assert.Equal(UserTaskStatus.Open, Assert.Single(await host.TasksAsync(id)).Status);
        Assert.Equal(journalBefore, (await host.RowsAsync<JournalEntryRecord>(id)).Count);

        await using (var db = host.Db()) await db.Database.ExecuteSqlRawAsync("DROP TRIGGER FailOnB;");
        var retried = await host.Runner.RetryIncidentAsync(result.IncidentId!.Value, CancellationToken.None);
        Assert.True(retried.IsOk, retried.Message);
        await host.OpenTaskAsync(id, "B");
    }

    /// <summary>What an administrator's fix does: sets a variable in the stored state (a new version of the row).</summary>
    private static async Task FixVariableAsync(RunnerHost host, long id, string name, JsonNode value)
    {
        await using var db = host.Db();
        var instance = await db.ProcessInstances.SingleAsync(i => i.Id == id);
        var state = RuntimeJson.DeserializeState(instance.StateJson);
        state.Variables[name] = value;
        instance.StateJson = RuntimeJson.Serialize(state);
        instance.Version++;
        await db.SaveChangesAsync();
    }
}
