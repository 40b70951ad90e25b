using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;
using MonitoringWorkflows.Web.Tests.Support;
using static MonitoringWorkflows.Web.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Web.Tests.Runtime;

public sealed class WorkflowRunnerTests
{
    private static readonly string TwoSteps = Sequence("twoSteps", UserTask("A", "Police"), UserTask("B", "Health"));

    private static readonly string TimerWait = Sequence("timerWait",
        """<bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""",
        UserTask("After"));

    private static readonly string MessageWait = Sequence("messageWait",
        """<bpmn:intermediateCatchEvent id="Decision"><bpmn:messageEventDefinition messageRef="Msg_Decision" /></bpmn:intermediateCatchEvent>""",
        UserTask("Act"))
        .Replace("<bpmn:process", """<bpmn:message id="Msg_Decision" name="decision" /><bpmn:process""");

    [Fact]
    public async Task Start_PublishedProcess_OpensFirstTaskAndJournalsTheStart()
    {
        await using var host = await RunnerHost.StartAsync(("twoSteps", TwoSteps));

        var id = await host.StartAsync("twoSteps", new JsonObject { ["victimAge"] = 12 });

        var instance = await host.InstanceAsync(id);
        Assert.Equal(ProcessInstanceStatus.Running, instance.Status);
        Assert.Equal("CASE-1", instance.BusinessKey);
        Assert.Equal(1, instance.Version);
        var task = await host.OpenTaskAsync(id, "A");
        Assert.Equal("Police", task.Agency);
        Assert.Equal(host.Time.GetUtcNow(), task.CreatedAt);
        Assert.Contains(await host.RowsAsync<JournalEntryRecord>(id), j => j.Kind == JournalKind.InstanceStarted);
    }

    [Fact]
    public async Task Start_UnknownProcess_ReturnsNotFound()
    {
        await using var host = await RunnerHost.StartAsync();

        var result = await host.Runner.StartAsync("nothing", null, null, "registrar", CancellationToken.None);

        Assert.Equal(RunOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task CompleteTask_EveryStep_CompletesInstanceWithSubmittedData()
    {
        await using var host = await RunnerHost.StartAsync(("twoSteps", TwoSteps));
        var id = await host.StartAsync("twoSteps");

        var first = await host.Runner.CompleteTaskAsync((await host.OpenTaskAsync(id, "A")).Id,
            new JsonObject { ["riskLevel"] = "high" }, "officer.aliyev", CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await host.Runner.CompleteTaskAsync(id, (await host.OpenTaskAsync(id, "B")).TaskId, null, "doctor", CancellationToken.None);

        Assert.True(first.IsOk, first.Message);
        Assert.True(second.IsOk, second.Message);
        var tasks = await host.TasksAsync(id);
        Assert.All(tasks, t => Assert.Equal(UserTaskStatus.Completed, t.Status));
        Assert.Equal("officer.aliyev", tasks[0].CompletedBy);
        Assert.Equal("""{"riskLevel":"high"}""", tasks[0].OutputJson);
        var instance = await host.InstanceAsync(id);
        Assert.Equal(ProcessInstanceStatus.Completed, instance.Status);
        Assert.Equal(host.Time.GetUtcNow(), instance.EndedAt);
        Assert.Equal("high", RuntimeJson.DeserializeState(instance.StateJson).Variables["riskLevel"]!.GetValue<string>());
    }

    [Fact]
    public async Task CompleteTask_AlreadyCompleted_ConflictNamesWhoAndWhen()
    {
        await using var host = await RunnerHost.StartAsync(("twoSteps", TwoSteps));
        var id = await host.StartAsync("twoSteps");
        var task = await host.OpenTaskAsync(id, "A");
        await host.Runner.CompleteTaskAsync(task.Id, null, "officer.aliyev", CancellationToken.None);

        var again = await host.Runner.CompleteTaskAsync(task.Id, null, "officer.mammadova", CancellationToken.None);

        Assert.Equal(RunOutcome.Conflict, again.Outcome);
        Assert.Contains("already completed by officer.aliyev at 2026-11-25 09:00:00Z", again.Message);
        Assert.Single(await host.TasksAsync(id), t => t.ElementId == "B");
    }

    [Fact]
    public async Task FireTimer_PendingTimer_MarksItFiredAndMovesOn()
    {
        await using var host = await RunnerHost.StartAsync(("timerWait", TimerWait));
        var id = await host.StartAsync("timerWait");
        var timer = Assert.Single(await host.RowsAsync<TimerRecord>(id));
        Assert.Equal(host.Time.GetUtcNow().AddHours(2), timer.DueAt);
        host.Time.Advance(TimeSpan.FromHours(2));

        var result = await host.Runner.FireTimerAsync(timer.Id, CancellationToken.None);

        Assert.True(result.IsOk, result.Message);
        var fired = Assert.Single(await host.RowsAsync<TimerRecord>(id));
        Assert.Equal(TimerStatus.Fired, fired.Status);
        Assert.Equal(host.Time.GetUtcNow(), fired.FiredAt);
        await host.OpenTaskAsync(id, "After");
    }

    [Fact]
    public async Task FireTimer_Twice_SecondIsJournalledNoOp()
    {
        await using var host = await RunnerHost.StartAsync(("timerWait", TimerWait));
        var id = await host.StartAsync("timerWait");
        var timer = Assert.Single(await host.RowsAsync<TimerRecord>(id));
        await host.Runner.FireTimerAsync(timer.Id, CancellationToken.None);
        var versionAfterFirst = (await host.InstanceAsync(id)).Version;

        var second = await host.Runner.FireTimerAsync(timer.Id, CancellationToken.None);

        Assert.True(second.IsOk, second.Message);
        Assert.Equal(versionAfterFirst, (await host.InstanceAsync(id)).Version);
        Assert.Single(await host.TasksAsync(id));
        Assert.Contains(await host.RowsAsync<JournalEntryRecord>(id), j => j.Kind == JournalKind.TriggerIgnored);
    }

    [Fact]
    public async Task CorrelateMessage_ByBusinessKey_DeliversToTheWaitingInstance()
    {
        await using var host = await RunnerHost.StartAsync(("messageWait", MessageWait));
        var id = await host.StartAsync("messageWait", businessKey: "CASE-7");

        var result = await host.Runner.CorrelateMessageAsync("CASE-7", "decision",
            new JsonObject { ["decision"] = "shelter" }, "secretary", CancellationToken.None);

        Assert.True(result.IsOk, result.Message);
        Assert.Equal(id, result.InstanceId);
        await host.OpenTaskAsync(id, "Act");
        Assert.Contains(await host.RowsAsync<JournalEntryRecord>(id), j => j.Kind == JournalKind.MessageReceived);
    }

    [Fact]
    public async Task CorrelateMessage_NobodyWaits_IsRejectedAndChangesNothing()
    {
        await using var host = await RunnerHost.StartAsync(("twoSteps", TwoSteps));
        var id = await host.StartAsync("twoSteps", businessKey: "CASE-8");

        var byKey = await host.Runner.CorrelateMessageAsync("CASE-8", "decision", null, "secretary", CancellationToken.None);
        var byId = await host.Runner.CorrelateMessageAsync(id, "decision", null, "secretary", CancellationToken.None);

        Assert.Equal(RunOutcome.Rejected, byKey.Outcome);
        Assert.Equal(RunOutcome.Rejected, byId.Outcome);
        Assert.Equal(1, (await host.InstanceAsync(id)).Version);
    }

    [Fact]
    public async Task Cancel_RunningInstance_CancelsItsTasksAndTimers()
    {
        var parallel = Process("both", """
            <bpmn:startEvent id="Start" />
            <bpmn:parallelGateway id="Split" />
            <bpmn:userTask id="A" mw:agency="Police" />
            <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="EndA" />
            <bpmn:endEvent id="EndB" />
            """ + Flow("F1", "Start", "Split") + Flow("F2", "Split", "A") + Flow("F3", "Split", "Wait")
            + Flow("F4", "A", "EndA") + Flow("F5", "Wait", "EndB"));
        await using var host = await RunnerHost.StartAsync(("both", parallel));
        var id = await host.StartAsync("both");

        var result = await host.Runner.CancelAsync(id, "Reported twice", "chair", CancellationToken.None);

        Assert.True(result.IsOk, result.Message);
        Assert.Equal(ProcessInstanceStatus.Cancelled, (await host.InstanceAsync(id)).Status);
        Assert.Equal(UserTaskStatus.Cancelled, Assert.Single(await host.TasksAsync(id)).Status);
        Assert.Equal(TimerStatus.Cancelled, Assert.Single(await host.RowsAsync<TimerRecord>(id)).Status);
        var again = await host.Runner.CancelAsync(id, "again", "chair", CancellationToken.None);
        Assert.Equal(RunOutcome.Rejected, again.Outcome);
    }

    [Fact]
    public async Task FireTimer_CycleOnNonInterruptingBoundary_SchedulesTheNextRepetitionAndKeepsTheTask()
    {
        var reminded = Process("reminded", """
            <bpmn:startEvent id="Start" />
            <bpmn:userTask id="A" mw:agency="Police" />
            <bpmn:boundaryEvent id="Remind" attachedToRef="A" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:userTask id="Chase" mw:role="Chair" />
            <bpmn:endEvent id="End" />
            <bpmn:endEvent id="Chased" />
            """ + Flow("F1", "Start", "A") + Flow("F2", "A", "End") + Flow("F3", "Remind", "Chase") + Flow("F4", "Chase", "Chased"));
        await using var host = await RunnerHost.StartAsync(("reminded", reminded));
        var id = await host.StartAsync("reminded");
        var first = Assert.Single(await host.RowsAsync<TimerRecord>(id));
        host.Time.Advance(TimeSpan.FromHours(1));

        var result = await host.Runner.FireTimerAsync(first.Id, CancellationToken.None);

        Assert.True(result.IsOk, result.Message);
        var timers = await host.RowsAsync<TimerRecord>(id);
        Assert.Equal(TimerStatus.Fired, timers.Single(t => t.Id == first.Id).Status);
        var next = Assert.Single(timers, t => t.Status == TimerStatus.Pending);
        Assert.Equal(first.TimerId, next.TimerId);
        Assert.Equal(first.DueAt.AddHours(1), next.DueAt);
        await host.OpenTaskAsync(id, "A");
        await host.OpenTaskAsync(id, "Chase");
    }

    [Fact]
    public async Task CompleteTask_NotifyServiceTaskFollows_WritesTheNotificationToTheOutbox()
    {
        var notifying = Sequence("notifying", UserTask("A"), """
            <bpmn:serviceTask id="TellChair" mw:action="notify">
              <bpmn:extensionElements>
                <mw:input target="role" source="Chair" />
                <mw:input target="subject" source="Grave case" />
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            """);
        await using var host = await RunnerHost.StartAsync(("notifying", notifying));
        var id = await host.StartAsync("notifying");

        var result = await host.Runner.CompleteTaskAsync((await host.OpenTaskAsync(id, "A")).Id, null, "officer", CancellationToken.None);

        Assert.True(result.IsOk, result.Message);
        var message = Assert.Single(await host.RowsAsync<OutboxMessageRecord>(id));
        Assert.Equal(("notification", "TellChair"), (message.Kind, message.ElementId));
        Assert.Equal("Chair", JsonNode.Parse(message.PayloadJson)!["role"]!.GetValue<string>());
        Assert.Null(message.ProcessedAt);
        Assert.Equal(ProcessInstanceStatus.Completed, (await host.InstanceAsync(id)).Status);
    }
}
