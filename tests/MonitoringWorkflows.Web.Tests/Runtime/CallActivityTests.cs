using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Support;
using static MonitoringWorkflows.Web.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Web.Tests.Runtime;

public sealed class CallActivityTests
{
    private static readonly string Parent = Process("parent", """
        <bpmn:startEvent id="Start" />
        <bpmn:callActivity id="Call" calledElement="child" />
        <bpmn:boundaryEvent id="Caught" attachedToRef="Call"><bpmn:errorEventDefinition errorRef="Err" /></bpmn:boundaryEvent>
        <bpmn:userTask id="AfterCall" mw:agency="Police" />
        <bpmn:userTask id="Handle" mw:role="Chair" />
        <bpmn:endEvent id="End" />
        <bpmn:endEvent id="EndHandled" />
        """ + Flow("F1", "Start", "Call") + Flow("F2", "Call", "AfterCall") + Flow("F3", "AfterCall", "End")
        + Flow("F4", "Caught", "Handle") + Flow("F5", "Handle", "EndHandled"),
        """<bpmn:error id="Err" errorCode="NO_CONSENT" />""");

    private static readonly string Child = Sequence("child", UserTask("ChildTask", "Health"));

    private static readonly string FailingChild = Process("child", """
        <bpmn:startEvent id="Start" />
        <bpmn:userTask id="ChildTask" mw:agency="Health" />
        <bpmn:endEvent id="Refused"><bpmn:errorEventDefinition errorRef="ChildErr" /></bpmn:endEvent>
        """ + Flow("F1", "Start", "ChildTask") + Flow("F2", "ChildTask", "Refused"),
        """<bpmn:error id="ChildErr" errorCode="NO_CONSENT" />""");

    [Fact]
    public async Task Start_ParentWithCallActivity_StartsChildOnLatestPublishedVersionInTheSameCase()
    {
        await using var host = await RunnerHost.StartAsync(("parent", Parent), ("child", Sequence("child", UserTask("Old"))));
        var latest = await host.PublishAsync("child", Child, version: 2);

        var parentId = await host.StartAsync("parent", new JsonObject { ["district"] = "Sabail" }, businessKey: "CASE-3");

        var child = await ChildOfAsync(host, parentId);
        Assert.Equal(latest, child.DefinitionVersionId);
        Assert.Equal("CASE-3", child.BusinessKey);
        Assert.NotNull(child.ParentTokenId);
        Assert.Equal(ProcessInstanceStatus.Running, child.Status);
        Assert.Equal("Sabail", RuntimeJson.DeserializeState(child.StateJson).Variables["district"]!.GetValue<string>());
        await host.OpenTaskAsync(child.Id, "ChildTask");
    }

    [Fact]
    public async Task CompleteTask_ChildEnds_ParentContinuesInTheSameTransaction()
    {
        await using var host = await RunnerHost.StartAsync(("parent", Parent), ("child", Child));
        var parentId = await host.StartAsync("parent");
        var child = await ChildOfAsync(host, parentId);

        var result = await host.Runner.CompleteTaskAsync((await host.OpenTaskAsync(child.Id, "ChildTask")).Id,
            new JsonObject { ["examined"] = true }, "doctor", CancellationToken.None);

        Assert.True(result.IsOk, result.Message);
        Assert.Equal(ProcessInstanceStatus.Completed, (await host.InstanceAsync(child.Id)).Status);
        await host.OpenTaskAsync(parentId, "AfterCall");
        Assert.Equal(2, (await host.InstanceAsync(parentId)).Version);
    }

    [Fact]
    public async Task Start_ChildWithoutWaitStates_EndsAndParentMovesOnInOneStart()
    {
        await using var host = await RunnerHost.StartAsync(("parent", Parent), ("child", Sequence("child")));

        var parentId = await host.StartAsync("parent");

        Assert.Equal(ProcessInstanceStatus.Completed, (await ChildOfAsync(host, parentId)).Status);
        await host.OpenTaskAsync(parentId, "AfterCall");
    }

    [Fact]
    public async Task CompleteTask_ErrorEscapesChild_ParentBoundaryCatchesIt()
    {
        await using var host = await RunnerHost.StartAsync(("parent", Parent), ("child", FailingChild));
        var parentId = await host.StartAsync("parent");
        var child = await ChildOfAsync(host, parentId);

        var result = await host.Runner.CompleteTaskAsync((await host.OpenTaskAsync(child.Id, "ChildTask")).Id, null, "doctor", CancellationToken.None);

        Assert.True(result.IsOk, result.Message);
        Assert.Equal(ProcessInstanceStatus.Terminated, (await host.InstanceAsync(child.Id)).Status);
        await host.OpenTaskAsync(parentId, "Handle");
        Assert.DoesNotContain(await host.TasksAsync(parentId), t => t.ElementId == "AfterCall");
    }

    [Fact]
    public async Task Cancel_Parent_CancelsChildAndItsTasks()
    {
        await using var host = await RunnerHost.StartAsync(("parent", Parent), ("child", Child));
        var parentId = await host.StartAsync("parent");
        var child = await ChildOfAsync(host, parentId);

        var direct = await host.Runner.CancelAsync(child.Id, "wrong", "chair", CancellationToken.None);
        var result = await host.Runner.CancelAsync(parentId, "Withdrawn", "chair", CancellationToken.None);

        Assert.Equal(RunOutcome.Rejected, direct.Outcome);
        Assert.True(result.IsOk, result.Message);
        Assert.Equal(ProcessInstanceStatus.Cancelled, (await host.InstanceAsync(child.Id)).Status);
        Assert.Equal(UserTaskStatus.Cancelled, Assert.Single(await host.TasksAsync(child.Id)).Status);
    }

    [Fact]
    public async Task Start_CalledProcessNotPublished_IsAnIncidentOnTheParent()
    {
        await using var host = await RunnerHost.StartAsync(("parent", Parent));

        var result = await host.Runner.StartAsync("parent", "CASE-4", null, "registrar", CancellationToken.None);

        Assert.Equal(RunOutcome.Incident, result.Outcome);
        var incident = Assert.Single(await host.RowsAsync<IncidentRecord>(result.InstanceId!.Value));
        Assert.Equal("CALL001", incident.Code);
        Assert.Equal("Call", incident.ElementId);
        await using var db = host.Db();
        Assert.Equal(1, await db.ProcessInstances.CountAsync());
    }

    private static async Task<ProcessInstanceRecord> ChildOfAsync(RunnerHost host, long parentId)
    {
        await using var db = host.Db();
        return await db.ProcessInstances.AsNoTracking().SingleAsync(i => i.ParentInstanceId == parentId);
    }
}
