using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Expressions;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Time;

namespace MonitoringWorkflows.Engine.Validation;

/// <summary>Every piece of JavaScript must parse, and every timer or due date literal must be ISO 8601.</summary>
internal sealed class ExpressionRules(IExpressionEvaluator expressions, List<BpmnDiagnostic> diagnostics)
{
    public void Check(ProcessDefinition process)
    {
        foreach (var flow in process.AllFlows.Where(f => f.Condition is not null)) Condition(flow);
        foreach (var node in process.AllNodes) Node(node);
    }

    private void Condition(SequenceFlow flow)
    {
        var problem = flow.Condition!.Length == 0 ? "is empty" : expressions.CheckSyntax(flow.Condition);
        if (problem is not null)
            diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.ExpressionSyntax, flow,
                $"has a condition that {Describe(problem)}: write a JavaScript expression that gives true or false, such as score >= 14."));
    }

    private void Node(FlowNode node)
    {
        if (node is Activity activity) Activity(activity);
        var timer = node switch
        {
            IntermediateCatchEvent { Definition: TimerDefinition t } => t,
            BoundaryEvent { Definition: TimerDefinition t } => t,
            _ => null,
        };
        if (timer is not null) Timer(node, timer);
    }

    private void Activity(Activity activity)
    {
        if (activity is UserTask task)
        {
            Value(task, "mw:agency", task.Agency);
            Value(task, "mw:role", task.Role);
            if (task.DueIn is { IsExpression: false } dueIn && !Iso8601.TryParseDuration(dueIn.Text, out _))
                diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.InvalidTimer, task,
                    $"is due in '{dueIn.Text}', which is not an ISO 8601 duration: write one such as P3D (3 days), PT24H (24 hours) or P5WD (5 working days), or an =expression."));
            Value(task, "mw:dueIn", task.DueIn);
        }
        if (activity is ScriptTask { Script: { } script }) Syntax(activity, "its script", script, isScript: true);
        if (activity.MultiInstance is { } mi)
        {
            Syntax(activity, "its multi-instance collection", mi.Collection);
            Syntax(activity, "its loop cardinality", mi.LoopCardinality);
            Syntax(activity, "its completion condition", mi.CompletionCondition);
        }
        foreach (var mapping in activity.Inputs) Value(activity, $"the input mapping of '{mapping.Target}'", mapping.Source);
        foreach (var mapping in activity.Outputs) Value(activity, $"the output mapping of '{mapping.Target}'", mapping.Source);
    }

    private void Timer(FlowNode node, TimerDefinition timer)
    {
        if (timer.Value.Text.Length == 0)
        {
            diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.TimerWithoutDefinition, node,
                "has a timer without a time: set a duration (PT24H), a date (2026-01-31T09:00:00Z), a cycle (R3/P1D) or an =expression."));
            return;
        }
        if (timer.Value.IsExpression) { Syntax(node, "its timer", timer.Value.Text); return; }
        var (valid, example) = timer.Kind switch
        {
            TimerKind.Duration => (Iso8601.TryParseDuration(timer.Value.Text, out _), "a duration such as PT24H, P3D or P5WD (working days)"),
            TimerKind.Date => (Iso8601.TryParseDate(timer.Value.Text, out _), "a date such as 2026-01-31T09:00:00Z"),
            _ => (Iso8601.TryParseCycle(timer.Value.Text, out _), "a cycle such as R3/PT24H or R/P1W"),
        };
        if (!valid)
            diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.InvalidTimer, node,
                $"has the timer {timer.Kind.ToString().ToLowerInvariant()} '{timer.Value.Text}', which is not valid ISO 8601: write {example}, or an =expression."));
    }

    private void Value(FlowNode node, string what, ValueExpression? value)
    {
        if (value is { IsExpression: true }) Syntax(node, what, value.Text);
    }

    private void Syntax(FlowNode node, string what, string? source, bool isScript = false)
    {
        if (source is null) return;
        var problem = source.Length == 0 ? "is empty" : expressions.CheckSyntax(source, isScript);
        if (problem is not null)
            diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.ExpressionSyntax, node,
                $"has {what} that {Describe(problem)}: correct the JavaScript{(isScript ? "" : " expression")}."));
    }

    private static string Describe(string problem) => problem == "is empty" ? problem : $"does not parse ({problem.TrimEnd('.')})";
}
