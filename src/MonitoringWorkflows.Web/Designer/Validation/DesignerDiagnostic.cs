using MonitoringWorkflows.Engine.Bpmn;

namespace MonitoringWorkflows.Web.Designer.Validation;

/// <summary>One problem of a draft, as the designer shows it on its element: "error" or "warning", the code, the element's id.</summary>
public sealed record DesignerDiagnostic(string Code, string Severity, string? ElementId, string? ElementType, string Message)
{
    public const string Error = "error";
    public const string Warning = "warning";

    /// <summary>The file does not contain the process the draft is for (its id was changed, or another file was imported).</summary>
    public const string ProcessMissing = "DESIGN001";

    /// <summary>A service task gives its action an input the action does not read.</summary>
    public const string UnknownActionInput = "DESIGN002";

    /// <summary>A form schema the server cannot read or check.</summary>
    public const string InvalidForm = "DESIGN003";

    /// <summary>An uploaded file that is not a readable definition (empty, too large, not UTF-8, no key).</summary>
    public const string InvalidFile = "DESIGN004";

    public bool IsError => Severity == Error;

    public static DesignerDiagnostic From(BpmnDiagnostic diagnostic) => new(
        diagnostic.Code, diagnostic.IsError ? Error : Warning, diagnostic.ElementId, diagnostic.ElementType, diagnostic.Message);
}

/// <summary>Every diagnostic of a draft; it may be published when none is an error.</summary>
public sealed record ValidationReport(IReadOnlyList<DesignerDiagnostic> Diagnostics, string? Name = null)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>The answer to "is this expression right?" while the administrator types it.</summary>
public sealed record ExpressionCheck(bool Valid, string? Message);
