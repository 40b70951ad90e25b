using MonitoringWorkflows.Engine.Bpmn;

namespace MonitoringWorkflows.Engine.Tests.Conformance.Execution;

/// <summary>
/// bpmn-engine files outside our subset: the reader refuses them (signals, conditional events, send tasks, message
/// and timer start events, a file in a pre-release BPMN namespace) or the validator does (service tasks with camunda
/// connectors or expressions but no mw:action; a catch event nothing can reach), with a coded diagnostic naming the element.
/// </summary>
public class ConformanceRejectionTests
{
    public static readonly TheoryData<string, string, string> Outside = new()
    {
        { "conditional-bound-js-event.bpmn", BpmnCodes.UnsupportedElement, "cond" },
        { "diagram_1.bpmn", BpmnCodes.MissingServiceAction, "Task_03r84j5" },
        { "issue-187.bpmn", BpmnCodes.UnsupportedElement, "Event_catch_withdraw" },
        { "issue-4.bpmn", BpmnCodes.MissingServiceAction, "sendEmail_1" },
        { "lanes.bpmn", BpmnCodes.UnsupportedElement, "messageStartEvent" },
        { "messaging.bpmn", BpmnCodes.UnsupportedElement, "ping" },
        { "mother-of-all.bpmn", BpmnCodes.UnsupportedElement, "messageStartEvent" },
        { "one-or-the-other.bpmn", BpmnCodes.UnsupportedElement, "Event_0nb69ki" },
        { "send-signal.bpmn", BpmnCodes.UnsupportedElement, "signal-new-price" },
        { "service-task-io.bpmn", BpmnCodes.MissingServiceAction, "serviceTask" },
        { "service-task-operation.bpmn", BpmnCodes.NotBpmn, "ServiceTaskOperation" },
        { "service-task.bpmn", BpmnCodes.MissingServiceAction, "serviceTask" },
        { "signals.bpmn", BpmnCodes.UnsupportedElement, "startPriceAdmin" },
        { "timer-start-event.bpmn", BpmnCodes.Unreachable, "timerStartEvent" },
        { "timers.bpmn", BpmnCodes.UnsupportedElement, "start-cycle" },
    };

    [Theory]
    [MemberData(nameof(Outside))]
    public void OutsideTheSubset_IsRefusedByTheReaderOrTheValidatorWithItsCode(string file, string code, string elementId)
    {
        var read = CorpusDiagnostics.Read("bpmn-engine/" + file);

        var errors = read.Document is null
            ? read.Errors.Select(CorpusDiagnostics.Line).ToList()
            : CorpusDiagnostics.ValidatorErrors(read.Document);

        Assert.Contains($"{code} {elementId}", errors);
    }

    [Theory]
    [InlineData("issue-187.bpmn", "Event_throw_withdraw", "event_throw_approved", "event_throw_approved_back", "Event_catch_withdraw", "event_catch_approved")]
    [InlineData("one-or-the-other.bpmn", "Event_1wx4moq", "Event_1agh8kc", "Event_0nb69ki", "Event_1ey9uic")]
    [InlineData("signals.bpmn", "catchSpotUpdate", "throwNewSpotPrice", "startPriceAdmin")]
    public void SignalEvents_AreEachRefusedByTheReader(string file, params string[] signalEvents)
    {
        var read = CorpusDiagnostics.Read("bpmn-engine/" + file);

        Assert.Null(read.Document);
        Assert.Equal(signalEvents.Order(), read.Errors.Where(d => d.Code == BpmnCodes.UnsupportedElement).Select(d => d.ElementId!).Order());
    }

    [Theory]
    [InlineData("lanes.bpmn", "intermediate")]
    [InlineData("messaging.bpmn", "pong")]
    public void MessageCatchWithoutMessageRef_IsRefusedWithBpmn009(string file, string elementId)
    {
        Assert.Contains($"{BpmnCodes.MissingRequiredPart} {elementId}", CorpusDiagnostics.Read("bpmn-engine/" + file).Errors.Select(CorpusDiagnostics.Line));
    }

    [Theory]
    [InlineData("diagram_1.bpmn", "BPMN026 Task_03r84j5")]
    [InlineData("issue-4.bpmn", "BPMN026 sendEmail_1")]
    [InlineData("service-task-io.bpmn", "BPMN026 serviceTask")]
    [InlineData("service-task.bpmn", "BPMN026 serviceTask")]
    [InlineData("timer-start-event.bpmn", "BPMN032 timerStartEvent")]
    public void ReadableButOutside_HasOnlyThisValidatorError(string file, string error)
    {
        Assert.Equal([error], CorpusDiagnostics.ValidatorErrors("bpmn-engine/" + file));
    }
}
