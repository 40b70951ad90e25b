using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Model;
using static MonitoringWorkflows.Engine.Tests.Bpmn.BpmnXml;

namespace MonitoringWorkflows.Engine.Tests.Bpmn;

/// <summary>Our mw extension namespace: assignment, forms, due dates, actions, multi-instance, mappings.</summary>
public class BpmnReaderExtensionTests
{
    [Fact]
    public void Read_UserTaskAttributes_ReadAsLiteralsAndExpressions()
    {
        var task = (UserTask)ReadProcess(Around(
            "<bpmn:userTask id=\"Task\" mw:agency=\"=agency\" mw:role=\"Chair\" mw:formKey=\"risk-screening\" mw:dueIn=\"P3D\" />")).Node("Task");

        Assert.Equal(new ValueExpression("agency", true), task.Agency);
        Assert.Equal(new ValueExpression("Chair", false), task.Role);
        Assert.Equal("risk-screening", task.FormKey);
        Assert.Equal(new ValueExpression("P3D", false), task.DueIn);
    }

    [Fact]
    public void Read_ServiceTaskAction_ReadsActionAndInputs()
    {
        var task = (ServiceTask)ReadProcess(Around("""
            <bpmn:serviceTask id="Task" mw:action="notify">
              <bpmn:extensionElements>
                <mw:input target="role" source="Chair" />
                <mw:input target="subject" source="='Grave case ' + caseNumber" />
                <mw:output target="notified" source="=true" />
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            """)).Node("Task");

        Assert.Equal("notify", task.Action);
        Assert.Equal([new IoMapping("role", new ValueExpression("Chair", false)), new IoMapping("subject", new ValueExpression("'Grave case ' + caseNumber", true))], task.Inputs);
        Assert.Equal(new IoMapping("notified", new ValueExpression("true", true)), Assert.Single(task.Outputs));
    }

    [Fact]
    public void Read_MultiInstance_ReadsCollectionVariableCardinalityAndCompletion()
    {
        var task = (Activity)ReadProcess(Around("""
            <bpmn:userTask id="Task" mw:agency="=agency">
              <bpmn:multiInstanceLoopCharacteristics isSequential="true" mw:collection="=chosenAgencies" mw:elementVariable="agency">
                <bpmn:loopCardinality>=3</bpmn:loopCardinality>
                <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">nrOfCompletedInstances >= 2</bpmn:completionCondition>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            """)).Node("Task");

        var mi = task.MultiInstance!;
        Assert.Equal((true, "chosenAgencies", "agency", "3", "nrOfCompletedInstances >= 2"),
            (mi.IsSequential, mi.Collection, mi.ElementVariable, mi.LoopCardinality, mi.CompletionCondition));
    }

    [Fact]
    public void Read_ParallelMultiInstanceWithCollectionWithoutEquals_ReadsItAsExpression()
    {
        var task = (Activity)ReadProcess(Around(
            "<bpmn:task id=\"Task\"><bpmn:multiInstanceLoopCharacteristics mw:collection=\"agencies\" /></bpmn:task>")).Node("Task");

        Assert.Equal((false, "agencies", null), (task.MultiInstance!.IsSequential, task.MultiInstance.Collection, task.MultiInstance.ElementVariable));
    }

    [Fact]
    public void Read_CallActivityMappings_ReadBothDirections()
    {
        var call = (CallActivity)ReadProcess(Around("""
            <bpmn:callActivity id="Task" calledElement="group-review">
              <bpmn:extensionElements><mw:input target="caseId" source="=caseId" /><mw:output target="decision" source="=decision" /></bpmn:extensionElements>
            </bpmn:callActivity>
            """)).Node("Task");

        Assert.Equal("caseId", Assert.Single(call.Inputs).Target);
        Assert.Equal("decision", Assert.Single(call.Outputs).Source.Text);
    }

    [Theory]
    [InlineData("<mw:input source=\"=x\" />", "without target")]
    [InlineData("<mw:output target=\"x\" />", "without source")]
    public void Read_MappingWithoutTargetOrSource_ReturnsBpmn009(string mapping, string expected)
    {
        var xml = Around($"<bpmn:task id=\"Task\"><bpmn:extensionElements>{mapping}</bpmn:extensionElements></bpmn:task>");

        var diagnostic = Rejected(xml, BpmnCodes.MissingRequiredPart);

        Assert.Equal("Task", diagnostic.ElementId);
        Assert.Contains(expected, diagnostic.Message);
    }

    [Fact]
    public void Read_OutputWithAppend_IsReadAsAnAppendingMapping()
    {
        var task = (UserTask)ReadProcess(Around("""
            <bpmn:userTask id="Task" mw:agency="Police">
              <bpmn:extensionElements><mw:output target="answers" source="=answer" append="true" /></bpmn:extensionElements>
            </bpmn:userTask>
            """)).Node("Task");

        Assert.Equal(new IoMapping("answers", new ValueExpression("answer", true), Append: true), Assert.Single(task.Outputs));
    }

    [Fact]
    public void Read_AppendThatIsNotTrueOrFalse_IsRejectedNamingTheTask()
    {
        var result = Read(Around("""
            <bpmn:userTask id="Task" mw:agency="Police">
              <bpmn:extensionElements><mw:output target="answers" source="=answer" append="yes" /></bpmn:extensionElements>
            </bpmn:userTask>
            """));

        Assert.Null(result.Document);
        Assert.Contains(result.Diagnostics, d => d.ElementId == "Task" && d.Message.Contains("append is 'yes'"));
    }

    [Fact]
    public void Read_OtherEnginesSettings_AreNotReadAndNamedInOneBpmn019Warning()
    {
        var xml = Around("""
            <bpmn:userTask id="Task" mw:agency="Police" camunda:assignee="demo" xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
              <bpmn:extensionElements><camunda:formData><camunda:formField id="Task" /></camunda:formData></bpmn:extensionElements>
            </bpmn:userTask>
            """);

        var result = Read(xml);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((BpmnCodes.ForeignExecutionSettings, DiagnosticSeverity.Warning, "Task"), (warning.Code, warning.Severity, warning.ElementId));
        Assert.Contains("assignee, formData", warning.Message);
        Assert.Equal("Police", ((UserTask)result.Document!.Processes[0].Node("Task")).Agency!.Text);
    }
}
