using MonitoringWorkflows.Engine.Model;

namespace MonitoringWorkflows.Engine.Bpmn;

public enum DiagnosticSeverity
{
    /// <summary>The definition cannot be read or published as it is.</summary>
    Error,

    /// <summary>The definition works, but probably not as its author meant.</summary>
    Warning,
}

/// <summary>
/// One problem found in a BPMN file: a code from <see cref="BpmnCodes"/>, the element it concerns and a message
/// that says what is wrong and what to do (<c>BPMN012 userTask 'Task_3' has no assigned agency or role: set mw:agency or mw:role.</c>).
/// </summary>
public sealed record BpmnDiagnostic(string Code, DiagnosticSeverity Severity, string? ElementId, string? ElementType, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() => $"{Code} {Message}";

    internal static BpmnDiagnostic Error(string code, string? elementId, string? elementType, string message) =>
        new(code, DiagnosticSeverity.Error, elementId, elementType, message);

    internal static BpmnDiagnostic Warning(string code, string? elementId, string? elementType, string message) =>
        new(code, DiagnosticSeverity.Warning, elementId, elementType, message);

    internal static BpmnDiagnostic Error(string code, FlowNode node, string problemAndRemedy) =>
        Error(code, node.Id, node.BpmnType, $"{node.Describe()} {problemAndRemedy}");

    internal static BpmnDiagnostic Error(string code, SequenceFlow flow, string problemAndRemedy) =>
        Error(code, flow.Id, "sequenceFlow", $"{flow} {problemAndRemedy}");

    internal static BpmnDiagnostic Error(string code, IFlowContainer container, string problemAndRemedy) => container switch
    {
        FlowNode node => Error(code, node, problemAndRemedy),
        _ => Error(code, container.Id, "process", $"process '{container.Id}' {problemAndRemedy}"),
    };
}

/// <summary>What <see cref="BpmnReader"/> made of a file: the document, or null when any error was found, and every diagnostic.</summary>
public sealed record BpmnReadResult(BpmnDocument? Document, IReadOnlyList<BpmnDiagnostic> Diagnostics)
{
    public bool Succeeded => Document is not null;

    public IEnumerable<BpmnDiagnostic> Errors => Diagnostics.Where(d => d.IsError);
}
