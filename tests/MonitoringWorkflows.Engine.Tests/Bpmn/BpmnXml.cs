using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Model;

namespace MonitoringWorkflows.Engine.Tests.Bpmn;

/// <summary>Small BPMN files for tests: a process body wrapped in definitions with the usual namespaces.</summary>
internal static class BpmnXml
{
    public const string Namespaces =
        "xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" " +
        "xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" " +
        "xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\" " +
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" " +
        "xmlns:mw=\"urn:monitoringworkflows:bpmn:1\"";

    public static string Definitions(string content) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bpmn:definitions {Namespaces} id=\"Definitions_1\" targetNamespace=\"urn:test\">\n{content}\n</bpmn:definitions>";

    /// <summary>A process with the given body, plus any root elements (messages, errors) after it.</summary>
    public static string Process(string body, string rootElements = "") =>
        Definitions($"<bpmn:process id=\"Process_1\" isExecutable=\"true\">\n{body}\n</bpmn:process>\n{rootElements}");

    /// <summary>start → (body's entry node "Task") → end: a frame for testing one activity.</summary>
    public static string Around(string taskXml, string rootElements = "") => Process($"""
        <bpmn:startEvent id="Start" />
        <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task" />
        {taskXml}
        <bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="End" />
        <bpmn:endEvent id="End" />
        """, rootElements);

    public static BpmnReadResult Read(string xml) => new BpmnReader().Read(xml);

    public static ProcessDefinition ReadProcess(string xml)
    {
        var result = Read(xml);
        Assert.True(result.Document is not null, "Expected a document, got: " + string.Join("; ", result.Diagnostics));
        return result.Document!.Processes[0];
    }

    /// <summary>Asserts the read failed with the code, and returns the first diagnostic with it.</summary>
    public static BpmnDiagnostic Rejected(string xml, string code)
    {
        var result = Read(xml);
        Assert.Null(result.Document);
        var diagnostic = result.Diagnostics.FirstOrDefault(d => d.Code == code);
        Assert.True(diagnostic is not null, $"Expected {code}, got: " + string.Join("; ", result.Diagnostics));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic!.Severity);
        return diagnostic;
    }
}
