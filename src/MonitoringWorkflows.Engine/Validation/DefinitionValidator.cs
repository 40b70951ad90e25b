using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Model;

namespace MonitoringWorkflows.Engine.Validation;

/// <summary>
/// Checks that a read definition can run before it is published: one none start per scope, no dead ends or
/// unreachable nodes, gateways that can always choose, assigned user tasks, known forms and actions, expressions
/// and timers that parse, call activities that do not loop. Returns coded diagnostics (<see cref="BpmnCodes"/>);
/// an empty list means the definition may be published. Every process of the file is checked.
/// </summary>
public sealed class DefinitionValidator
{
    public IReadOnlyList<BpmnDiagnostic> Validate(BpmnDocument document, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var diagnostics = new List<BpmnDiagnostic>();
        foreach (var process in document.Processes)
        {
            GraphRules.Check(process, diagnostics);
            FlowRules.Check(process, diagnostics);
            TaskRules.Check(process, context, diagnostics);
            new ExpressionRules(context.Expressions, diagnostics).Check(process);
        }
        CallRules.Check(document, context, diagnostics);
        return diagnostics;
    }
}
