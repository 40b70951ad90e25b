using MonitoringWorkflows.Engine.Model;
using static MonitoringWorkflows.Engine.Tests.Bpmn.BpmnXml;

namespace MonitoringWorkflows.Engine.Tests.Bpmn;

/// <summary>What the reader builds from valid elements: node types, flows, events, containers.</summary>
public class BpmnReaderElementTests
{
    [Fact]
    public void Read_StartTaskEnd_BuildsWiredGraph()
    {
        var process = ReadProcess(Around("<bpmn:task id=\"Task\" name=\"Check\" />"));

        Assert.Equal(("Process_1", true), (process.Id, process.IsExecutable));
        Assert.Equal(["Start", "Task", "End"], process.AllNodes.Select(n => n.Id));
        var task = Assert.IsType<ManualTask>(process.Node("Task"));
        Assert.Equal(("task", "Check"), (task.BpmnType, task.Name));
        Assert.Same(process.Node("End"), Assert.Single(task.Outgoing).Target);
        Assert.Same(process.NoneStart, Assert.Single(task.Incoming).Source);
    }

    [Theory]
    [InlineData("<bpmn:manualTask id=\"Task\" />", typeof(ManualTask), "manualTask")]
    [InlineData("<bpmn:userTask id=\"Task\" />", typeof(UserTask), "userTask")]
    [InlineData("<bpmn:serviceTask id=\"Task\" />", typeof(ServiceTask), "serviceTask")]
    [InlineData("<bpmn:scriptTask id=\"Task\" />", typeof(ScriptTask), "scriptTask")]
    [InlineData("<bpmn:callActivity id=\"Task\" calledElement=\"Other\" />", typeof(CallActivity), "callActivity")]
    [InlineData("<bpmn:intermediateThrowEvent id=\"Task\" />", typeof(IntermediateThrowEvent), "intermediateThrowEvent")]
    [InlineData("<bpmn:exclusiveGateway id=\"Task\" />", typeof(ExclusiveGateway), "exclusiveGateway")]
    [InlineData("<bpmn:parallelGateway id=\"Task\" />", typeof(ParallelGateway), "parallelGateway")]
    [InlineData("<bpmn:inclusiveGateway id=\"Task\" />", typeof(InclusiveGateway), "inclusiveGateway")]
    public void Read_SupportedElement_BuildsItsNodeType(string element, Type type, string bpmnType)
    {
        var node = ReadProcess(Around(element)).Node("Task");

        Assert.IsType(type, node);
        Assert.Equal(bpmnType, node.BpmnType);
    }

    [Theory]
    [InlineData("=score >= 14", "score >= 14")]
    [InlineData("score >= 14", "score >= 14")]
    [InlineData("  = level == 'high'  ", "level == 'high'")]
    [InlineData("<![CDATA[a < b && c]]>", "a < b && c")]
    public void Read_ConditionExpression_StripsOptionalEquals(string body, string expected)
    {
        var process = ReadProcess(Process($"""
            <bpmn:exclusiveGateway id="G" default="Else" /><bpmn:task id="A" /><bpmn:task id="B" />
            <bpmn:sequenceFlow id="If" sourceRef="G" targetRef="A"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{body}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Else" sourceRef="G" targetRef="B" />
            """));

        Assert.Equal(expected, process.Flow("If").Condition);
        Assert.Null(process.Flow("Else").Condition);
    }

    [Fact]
    public void Read_EmptyCondition_KeepsItEmptyForTheValidator()
    {
        var process = ReadProcess(Process("""
            <bpmn:exclusiveGateway id="G" /><bpmn:task id="A" />
            <bpmn:sequenceFlow id="If" sourceRef="G" targetRef="A"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" /></bpmn:sequenceFlow>
            """));

        Assert.Equal("", process.Flow("If").Condition);
    }

    [Fact]
    public void Read_DefaultFlows_SetOnGatewayActivityAndFlow()
    {
        var process = ReadProcess(Process("""
            <bpmn:exclusiveGateway id="G" default="GElse" /><bpmn:userTask id="U" default="UElse" /><bpmn:task id="A" />
            <bpmn:sequenceFlow id="GIf" sourceRef="G" targetRef="U"><bpmn:conditionExpression>x</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="GElse" sourceRef="G" targetRef="A" />
            <bpmn:sequenceFlow id="UElse" sourceRef="U" targetRef="A" />
            """));

        Assert.Same(process.Flow("GElse"), ((Gateway)process.Node("G")).DefaultFlow);
        Assert.Same(process.Flow("UElse"), ((Activity)process.Node("U")).DefaultFlow);
        Assert.Equal([false, true, true], process.AllFlows.Select(f => f.IsDefault));
    }

    [Fact]
    public void Read_SubProcess_SetsParentAndKeepsNodesInside()
    {
        var process = ReadProcess(Around("""
            <bpmn:subProcess id="Task">
              <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
              <bpmn:startEvent id="SubStart" /><bpmn:sequenceFlow id="SF" sourceRef="SubStart" targetRef="SubEnd" /><bpmn:endEvent id="SubEnd" />
            </bpmn:subProcess>
            """));

        var sub = Assert.IsType<SubProcess>(process.Node("Task"));
        Assert.Equal(["Start", "Task", "End"], process.Nodes.Select(n => n.Id));
        Assert.Equal(["SubStart", "SubEnd"], sub.Nodes.Select(n => n.Id));
        Assert.Same(sub, process.Node("SubStart").Parent);
        Assert.Same(sub.NoneStart, process.Node("SubStart"));
        Assert.Null(process.Node("Task").Parent);
        Assert.Same(sub, process.ContainerOf(process.Node("SubEnd")));
    }

    [Fact]
    public void Read_BoundaryEvents_AttachedWithDefinitions()
    {
        var process = ReadProcess(Around("""
            <bpmn:userTask id="Task" />
            <bpmn:boundaryEvent id="Late" attachedToRef="Task" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT24H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="Decided" attachedToRef="Task"><bpmn:messageEventDefinition messageRef="M" /></bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="Failed" attachedToRef="Task"><bpmn:errorEventDefinition errorRef="E" /></bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="AnyError" attachedToRef="Task"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
            """, "<bpmn:message id=\"M\" name=\"review-decision\" /><bpmn:error id=\"E\" errorCode=\"REFUSED\" />"));

        var task = (Activity)process.Node("Task");
        Assert.Equal(["Late", "Decided", "Failed", "AnyError"], task.BoundaryEvents.Select(b => b.Id));
        var late = task.BoundaryEvents[0];
        Assert.Equal((false, new TimerDefinition(TimerKind.Cycle, new ValueExpression("R3/PT24H", false))), (late.CancelActivity, late.Definition));
        Assert.Equal(new MessageDefinition("review-decision"), task.BoundaryEvents[1].Definition);
        Assert.True(task.BoundaryEvents[1].CancelActivity);
        Assert.Equal(new ErrorDefinition("REFUSED"), task.BoundaryEvents[2].Definition);
        Assert.Equal(new ErrorDefinition(null), task.BoundaryEvents[3].Definition);
        Assert.Same(task, task.BoundaryEvents[0].AttachedTo);
    }

    [Theory]
    [InlineData("timeDuration", "P3D", TimerKind.Duration, false)]
    [InlineData("timeDate", "2026-01-31T09:00:00Z", TimerKind.Date, false)]
    [InlineData("timeCycle", "R/P1W", TimerKind.Cycle, false)]
    [InlineData("timeDuration", "=level == 'high' ? 'PT24H' : 'P3D'", TimerKind.Duration, true)]
    public void Read_TimerCatch_ReadsKindAndValue(string part, string text, TimerKind kind, bool isExpression)
    {
        var xml = Around($"<bpmn:intermediateCatchEvent id=\"Task\"><bpmn:timerEventDefinition><bpmn:{part} xsi:type=\"bpmn:tFormalExpression\">{text}</bpmn:{part}></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>");

        var timer = Assert.IsType<TimerDefinition>(((IntermediateCatchEvent)ReadProcess(xml).Node("Task")).Definition);

        Assert.Equal((kind, isExpression), (timer.Kind, timer.Value.IsExpression));
        Assert.Equal(text.TrimStart('='), timer.Value.Text);
    }

    [Fact]
    public void Read_EndEvents_ReadKindAndErrorCode()
    {
        var process = ReadProcess(Process("""
            <bpmn:startEvent id="S" />
            <bpmn:endEvent id="None" />
            <bpmn:endEvent id="Stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            <bpmn:endEvent id="Fail"><bpmn:errorEventDefinition errorRef="E" /></bpmn:endEvent>
            """, "<bpmn:error id=\"E\" name=\"Refused\" errorCode=\"REFUSED\" />"));

        EndEvent End(string id) => (EndEvent)process.Node(id);
        Assert.Equal([EndEventKind.None, EndEventKind.Terminate, EndEventKind.Error], new[] { "None", "Stop", "Fail" }.Select(id => End(id).Kind));
        Assert.Equal("REFUSED", End("Fail").ErrorCode);
    }

    [Fact]
    public void Read_ReceiveTaskAndCallActivity_ReadTheirReferences()
    {
        var process = ReadProcess(Process("""
            <bpmn:receiveTask id="Wait" messageRef="M" />
            <bpmn:callActivity id="Call" calledElement="protective-measures" />
            """, "<bpmn:message id=\"M\" name=\"meeting-decision\" />"));

        Assert.Equal("meeting-decision", ((ReceiveTask)process.Node("Wait")).MessageName);
        Assert.Equal("protective-measures", ((CallActivity)process.Node("Call")).CalledElement);
    }

    [Theory]
    [InlineData("scriptFormat=\"javascript\"")]
    [InlineData("scriptFormat=\"js\"")]
    [InlineData("scriptFormat=\"JavaScript\"")]
    [InlineData("")]
    public void Read_ScriptTaskInJavaScript_KeepsScript(string format)
    {
        var task = (ScriptTask)ReadProcess(Around($"<bpmn:scriptTask id=\"Task\" {format}><bpmn:script><![CDATA[level = score >= 14 ? 'high' : 'low';]]></bpmn:script></bpmn:scriptTask>")).Node("Task");

        Assert.Equal("level = score >= 14 ? 'high' : 'low';", task.Script);
    }

    [Fact]
    public void Read_CollaborationWithTwoPools_ReadsEveryProcess()
    {
        var xml = Definitions("""
            <bpmn:collaboration id="C">
              <bpmn:participant id="PoolA" processRef="A" /><bpmn:participant id="PoolB" processRef="B" />
              <bpmn:messageFlow id="MF" sourceRef="TaskA" targetRef="PoolB" />
            </bpmn:collaboration>
            <bpmn:process id="A" isExecutable="false"><bpmn:task id="TaskA" /></bpmn:process>
            <bpmn:process id="B" isExecutable="true"><bpmn:task id="TaskB" /></bpmn:process>
            """);

        var document = Read(xml).Document!;

        Assert.Equal(["A", "B"], document.Processes.Select(p => p.Id));
        Assert.Equal("B", document.MainProcess!.Id);
        Assert.Equal("Definitions_1", document.DefinitionsId);
    }
}
