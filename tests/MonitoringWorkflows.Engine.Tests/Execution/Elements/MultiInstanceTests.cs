using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Tests.Support;
using static MonitoringWorkflows.Engine.Tests.Support.Bpmn;

namespace MonitoringWorkflows.Engine.Tests.Execution.Elements;

public class MultiInstanceTests
{
    private static string Referrals(bool sequential, string completion = "", string boundary = "") => Process($"""
        <bpmn:startEvent id="Start" />
        <bpmn:userTask id="Refer" mw:agency="=agency" mw:formKey="referral-response">
          <bpmn:multiInstanceLoopCharacteristics isSequential="{(sequential ? "true" : "false")}" mw:collection="=referralAgencies" mw:elementVariable="agency">
            {completion}
          </bpmn:multiInstanceLoopCharacteristics>
        </bpmn:userTask>
        {boundary}
        {RoleTask("Close", "Chair")}
        {Flow("f0", "Start", "Refer")}{Flow("f1", "Refer", "Close")}
        """);

    private static JsonObject Agencies(params string[] agencies) =>
        new() { ["referralAgencies"] = new JsonArray(agencies.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()) };

    [Fact]
    public void Parallel_OpensOneTaskPerElement_WithTheElementAsAgency()
    {
        var instance = TestInstance.Start(Referrals(sequential: false), Agencies("Police", "Health", "Education"));

        Assert.Equal(["Police", "Health", "Education"], instance.OpenTasks.Select(t => t.Agency));
        Assert.All(instance.OpenTasks, t => Assert.Equal("Refer", t.ElementId));
    }

    [Fact]
    public void Parallel_CompletesWhenEveryBodyHas()
    {
        var instance = TestInstance.Start(Referrals(sequential: false), Agencies("Police", "Health"));
        var tasks = instance.OpenTasks.ToList();

        instance.Apply(new CompleteTask(tasks[1].TaskId));
        Assert.DoesNotContain(instance.OpenTasks, t => t.ElementId == "Close");
        instance.Apply(new CompleteTask(tasks[0].TaskId));

        Assert.Equal(["Close"], instance.OpenTasks.Select(t => t.ElementId));
        Assert.DoesNotContain(instance.State.Scopes, s => s.Kind is ScopeKind.MultiInstance or ScopeKind.MultiInstanceBody);
    }

    [Fact]
    public void Sequential_OpensTheNextTaskOnlyAfterThePreviousCompletes()
    {
        var instance = TestInstance.Start(Referrals(sequential: true), Agencies("Police", "Health"));
        Assert.Equal(["Police"], instance.OpenTasks.Select(t => t.Agency));

        instance.Apply(new CompleteTask(instance.OpenTasks[0].TaskId));
        Assert.Equal(["Health"], instance.OpenTasks.Select(t => t.Agency));

        instance.Apply(new CompleteTask(instance.OpenTasks[0].TaskId));
        Assert.Equal(["Close"], instance.OpenTasks.Select(t => t.ElementId));
    }

    [Fact]
    public void EmptyCollection_CompletesAtOnce()
    {
        var instance = TestInstance.Start(Referrals(sequential: false), Agencies());

        Assert.Equal(["Close"], instance.OpenTasks.Select(t => t.ElementId));
    }

    [Fact]
    public void CompletionCondition_WhenTrue_CancelsTheRemainingBodies()
    {
        var completion = "<bpmn:completionCondition xsi:type=\"bpmn:tFormalExpression\">nrOfCompletedInstances &gt;= 2</bpmn:completionCondition>";
        var instance = TestInstance.Start(Referrals(false, completion), Agencies("Police", "Health", "Education"));
        var tasks = instance.OpenTasks.ToList();

        instance.Apply(new CompleteTask(tasks[0].TaskId));
        instance.Apply(new CompleteTask(tasks[2].TaskId));

        Assert.Equal(["Close"], instance.OpenTasks.Select(t => t.ElementId));
        Assert.Contains(instance.Effects, e => e is UserTaskCancelled c && c.TaskId == tasks[1].TaskId);
    }

    [Fact]
    public void Bodies_SeeLoopCounterAndCounters()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" />
            <bpmn:userTask id="Refer" mw:agency="=agency + '-' + loopCounter + '/' + nrOfInstances">
              <bpmn:multiInstanceLoopCharacteristics mw:collection="=referralAgencies" mw:elementVariable="agency" />
            </bpmn:userTask>
            {Flow("f0", "Start", "Refer")}
            """);

        var instance = TestInstance.Start(xml, Agencies("Police", "Health"));

        Assert.Equal(["Police-0/2", "Health-1/2"], instance.OpenTasks.Select(t => t.Agency));
        Assert.False(instance.State.Variables.ContainsKey("agency"));
    }

    [Fact]
    public void LoopCardinality_RunsThatManyBodies()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" />
            <bpmn:userTask id="Visit" mw:agency="SocialProtection">
              <bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">visits</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            <bpmn:endEvent id="End" />
            {Flow("f0", "Start", "Visit")}{Flow("f1", "Visit", "End")}
            """);
        var instance = TestInstance.Start(xml, new JsonObject { ["visits"] = 3 });

        for (var i = 0; i < 3; i++) instance.Apply(new CompleteTask(Assert.Single(instance.OpenTasks).TaskId));

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        Assert.Equal(3, instance.Effects.OfType<UserTaskCreated>().Count());
    }

    [Fact]
    public void AppendingOutput_CollectsOneEntryPerBody()
    {
        var xml = Process("""
            <bpmn:startEvent id="Start" />
            <bpmn:userTask id="Refer" mw:agency="=agency">
              <bpmn:extensionElements><mw:output target="responses" source="=({ agency: agency, status: status })" append="true" /></bpmn:extensionElements>
              <bpmn:multiInstanceLoopCharacteristics mw:collection="=referralAgencies" mw:elementVariable="agency" />
            </bpmn:userTask>
            """ + RoleTask("Close", "Chair") + Flow("f0", "Start", "Refer") + Flow("f1", "Refer", "Close"));
        var instance = TestInstance.Start(xml, Agencies("Police", "Health"));
        var tasks = instance.OpenTasks.ToList();

        instance.Apply(new CompleteTask(tasks[1].TaskId, new JsonObject { ["status"] = "accepted" }));
        instance.Apply(new CompleteTask(tasks[0].TaskId, new JsonObject { ["status"] = "declined" }));

        Assert.Equal("""[{"agency":"Health","status":"accepted"},{"agency":"Police","status":"declined"}]""",
            instance.Variable("responses")!.ToJsonString());
        Assert.False(instance.State.Variables.ContainsKey("status"));
    }

    [Fact]
    public void AppendingOutput_ToAVariableThatIsNotAList_RaisesIncident()
    {
        var xml = Process($"""
            <bpmn:startEvent id="Start" />
            <bpmn:userTask id="Refer" mw:agency="Police">
              <bpmn:extensionElements><mw:output target="responses" source="=status" append="true" /></bpmn:extensionElements>
            </bpmn:userTask>
            {Flow("f0", "Start", "Refer")}
            """);
        var instance = TestInstance.Start(xml, new JsonObject { ["responses"] = "none yet" });

        var result = instance.Complete("Refer", new JsonObject { ["status"] = "accepted" });

        Assert.Equal("VALUE001", result.Incident!.Code);
        Assert.Contains("adds to a list", result.Incident.Message);
    }

    [Fact]
    public void CollectionNotAnArray_RaisesIncident()
    {
        var instance = TestInstance.Start(Referrals(sequential: false), new JsonObject { ["referralAgencies"] = "Police" });

        Assert.Equal("MI001", instance.LastResult!.Incident!.Code);
        Assert.Equal("Refer", instance.LastResult.Incident.ElementId);
    }

    [Fact]
    public void BoundaryTimer_BelongsToTheWholeActivity_AndCancelsEveryBody()
    {
        var boundary = """<bpmn:boundaryEvent id="Late" attachedToRef="Refer"><bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>"""
            + RoleTask("Escalate", "Chair") + Flow("f2", "Late", "Escalate");
        var instance = TestInstance.Start(Referrals(false, boundary: boundary), Agencies("Police", "Health"));
        Assert.Single(instance.PendingTimers);

        instance.AdvanceAndFire(TimeSpan.FromDays(3));

        Assert.Equal(["Escalate"], instance.OpenTasks.Select(t => t.ElementId));
        Assert.Equal(2, instance.Effects.OfType<UserTaskCancelled>().Count());
    }
}
