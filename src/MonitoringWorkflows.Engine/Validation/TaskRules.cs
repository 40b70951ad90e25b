using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Model;

namespace MonitoringWorkflows.Engine.Validation;

/// <summary>What each activity needs to run: an assignee, a known form, an action, a script, items to loop over.</summary>
internal static class TaskRules
{
    public static void Check(ProcessDefinition process, ValidationContext context, List<BpmnDiagnostic> diagnostics)
    {
        foreach (var node in process.AllNodes)
        {
            switch (node)
            {
                case UserTask task: UserTask(task, context, diagnostics); break;
                case ServiceTask task: ServiceTask(task, context, diagnostics); break;
                case ScriptTask { Script: null } task:
                    diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.ScriptMissing, task,
                        "has no script: write the JavaScript it runs, or make it a plain task."));
                    break;
            }
            if (node is Activity { MultiInstance: { Collection: null, LoopCardinality: null } } activity)
                diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.MultiInstanceWithoutItems, activity,
                    "is multi-instance but says neither what to loop over nor how often: set mw:collection (=an array expression) or a loop cardinality."));
        }
    }

    private static void UserTask(UserTask task, ValidationContext context, List<BpmnDiagnostic> diagnostics)
    {
        if (task.Agency is null && task.Role is null)
            diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.UserTaskWithoutAssignee, task,
                "has no assigned agency or role: set mw:agency or mw:role."));
        Known(task, "agency", task.Agency, context.KnownAgencies, diagnostics);
        Known(task, "role", task.Role, context.KnownRoles, diagnostics);
        if (task.FormKey is { } formKey && context.KnownFormKeys is { } forms && !forms.Contains(formKey))
            diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.UnknownFormKey, task,
                $"shows the form '{formKey}', which does not exist: choose a published form or create it in the form designer."));
    }

    private static void Known(UserTask task, string what, ValueExpression? value, IReadOnlySet<string>? known, List<BpmnDiagnostic> diagnostics)
    {
        // An expression (=agency) is only known at run time; its syntax is checked with the other expressions.
        if (value is null || value.IsExpression || known is null || known.Contains(value.Text)) return;
        diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.UnknownAgencyOrRole, task,
            $"is assigned to the {what} '{value.Text}', which does not exist: choose one of {string.Join(", ", known.Order(StringComparer.Ordinal))}."));
    }

    private static void ServiceTask(ServiceTask task, ValidationContext context, List<BpmnDiagnostic> diagnostics)
    {
        var actions = context.KnownServiceActions;
        var choices = actions is null ? "" : $" ({string.Join(", ", actions.Order(StringComparer.Ordinal))})";
        if (task.Action is null)
            diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.MissingServiceAction, task,
                $"runs no action: set mw:action to a built-in action{choices}."));
        else if (actions is not null && !actions.Contains(task.Action))
            diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.UnknownServiceAction, task,
                $"runs the action '{task.Action}', which does not exist: choose one of{choices}."));
    }
}
