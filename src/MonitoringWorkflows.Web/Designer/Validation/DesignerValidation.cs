using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Actions;
using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Expressions;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Time;
using MonitoringWorkflows.Engine.Validation;
using MonitoringWorkflows.Web.Designer.Drafts;
using MonitoringWorkflows.Web.Forms;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Designer.Validation;

/// <summary>What an expression field of the properties panel holds, which decides how it is checked.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ExpressionKind>))]
public enum ExpressionKind { Condition, Value, Duration, Script }

/// <summary>
/// Checks a draft before it is published: the engine's reader and validator, against what this database knows
/// (published forms and processes, agencies, roles, the host's actions), plus the checks only the host can make.
/// </summary>
public sealed class DesignerValidation(WorkflowDbContext db, IExpressionEvaluator expressions, ServiceActionRegistry actions)
{
    /// <summary>Every problem of a process's or a form's content, as the designer's check and publish both see them.</summary>
    public async Task<ValidationReport> CheckAsync(DefinitionKind kind, string key, string content, CancellationToken cancellationToken) =>
        kind == DefinitionKind.Process ? await ProcessAsync(key, content, cancellationToken) : Form(content);

    private async Task<ValidationReport> ProcessAsync(string key, string xml, CancellationToken cancellationToken)
    {
        var read = new BpmnReader().Read(xml);
        var diagnostics = read.Diagnostics.Select(DesignerDiagnostic.From).ToList();
        if (read.Document is not { } document) return new ValidationReport(diagnostics);
        var process = document.Process(key);
        if (process is null)
            diagnostics.Add(new DesignerDiagnostic(DesignerDiagnostic.ProcessMissing, DesignerDiagnostic.Error, null, "process",
                $"The file has no process with the id '{key}': keep the process id the definition was created with (found: {string.Join(", ", document.Processes.Select(p => p.Id))})."));
        var context = await ContextAsync(cancellationToken);
        diagnostics.AddRange(new DefinitionValidator().Validate(document, context).Select(DesignerDiagnostic.From));
        foreach (var each in document.Processes) diagnostics.AddRange(ActionInputs(each));
        return new ValidationReport(diagnostics, process?.Name);
    }

    public static ValidationReport Form(string json)
    {
        try
        {
            FormSchema.Parse(json);
            return new ValidationReport([]);
        }
        catch (FormSchemaException exception)
        {
            return new ValidationReport([new DesignerDiagnostic(DesignerDiagnostic.InvalidForm, DesignerDiagnostic.Error, null, "form", exception.Message)]);
        }
    }

    /// <summary>Checks one field of the properties panel as the administrator types it.</summary>
    public ExpressionCheck Expression(string source, ExpressionKind kind)
    {
        var text = source.Trim();
        // Conditions and scripts are always JavaScript; other fields are literals unless they start with "=".
        var isExpression = kind is ExpressionKind.Condition or ExpressionKind.Script || text.StartsWith('=');
        if (kind != ExpressionKind.Script && text.StartsWith('=')) text = text[1..].Trim();
        if (text.Length == 0) return new ExpressionCheck(false, "empty");
        if (!isExpression)
            return kind == ExpressionKind.Duration && !Iso8601.TryParseDuration(text, out _)
                ? new ExpressionCheck(false, $"'{text}' is not an ISO 8601 duration: write one such as P3D (3 days), PT24H (24 hours) or P5WD (5 working days).")
                : new ExpressionCheck(true, null);
        var problem = expressions.CheckSyntax(text, kind == ExpressionKind.Script);
        return new ExpressionCheck(problem is null, problem);
    }

    private async Task<ValidationContext> ContextAsync(CancellationToken cancellationToken)
    {
        var forms = await db.FormDefinitions.AsNoTracking().Where(f => f.Status == DefinitionStatus.Published)
            .Select(f => f.Key).Distinct().ToListAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().Select(a => a.Code).ToListAsync(cancellationToken);
        var processes = await db.ProcessDefinitions.AsNoTracking().Where(d => d.Status == DefinitionStatus.Published)
            .Select(d => d.Key).Distinct().ToListAsync(cancellationToken);
        return new ValidationContext
        {
            Expressions = expressions,
            KnownFormKeys = forms.ToHashSet(StringComparer.Ordinal),
            KnownAgencies = agencies.ToHashSet(StringComparer.Ordinal),
            KnownRoles = Roles.All.ToHashSet(StringComparer.Ordinal),
            KnownServiceActions = actions.All.Select(a => a.Name).ToHashSet(StringComparer.Ordinal),
            KnownProcessIds = processes.ToHashSet(StringComparer.Ordinal),
        };
    }

    private IEnumerable<DesignerDiagnostic> ActionInputs(ProcessDefinition process)
    {
        foreach (var task in process.AllNodes.OfType<ServiceTask>())
        {
            if (task.Action is null || !actions.TryGet(task.Action, out var action)) continue;
            foreach (var input in task.Inputs.Where(i => !action.Parameters.Contains(i.Target)))
                yield return new DesignerDiagnostic(DesignerDiagnostic.UnknownActionInput, DesignerDiagnostic.Error, task.Id, task.BpmnType,
                    $"{task.Describe()} gives the action '{action.Name}' the input '{input.Target}', which it does not read: its inputs are {string.Join(", ", action.Parameters)}.");
        }
    }
}
