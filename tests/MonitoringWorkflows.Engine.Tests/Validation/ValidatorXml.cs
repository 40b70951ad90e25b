using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Tests.Bpmn;
using MonitoringWorkflows.Engine.Validation;

namespace MonitoringWorkflows.Engine.Tests.Validation;

/// <summary>Reads a definition and validates it against the sets a host would give.</summary>
internal static class ValidatorXml
{
    public static ValidationContext Context(FakeExpressionEvaluator? expressions = null) => new()
    {
        Expressions = expressions ?? new FakeExpressionEvaluator(),
        KnownFormKeys = new HashSet<string> { "risk-screening", "referral" },
        KnownServiceActions = new HashSet<string> { "notify" },
        KnownAgencies = new HashSet<string> { "Education", "Health", "Police", "Prosecutor", "SocialProtection", "Registration" },
        KnownRoles = new HashSet<string> { "Administrator", "Chair", "Secretary", "AgencyMember", "Registrar", "NationalAnalyst" },
        KnownProcessIds = new HashSet<string> { "protective-measures" },
    };

    public static IReadOnlyList<BpmnDiagnostic> Validate(string xml, ValidationContext? context = null) =>
        Validate(Read(xml), context);

    public static IReadOnlyList<BpmnDiagnostic> Validate(BpmnDocument document, ValidationContext? context = null) =>
        new DefinitionValidator().Validate(document, context ?? Context());

    public static BpmnDocument Read(string xml)
    {
        var result = BpmnXml.Read(xml);
        Assert.True(result.Document is not null, "The test definition does not read: " + string.Join("; ", result.Diagnostics));
        return result.Document!;
    }

    /// <summary>Asserts the only diagnostic has the code and element, and returns it.</summary>
    public static BpmnDiagnostic Single(IReadOnlyList<BpmnDiagnostic> diagnostics, string code, string elementId)
    {
        Assert.True(diagnostics.Count == 1, "Expected one diagnostic, got: " + string.Join("; ", diagnostics));
        var diagnostic = diagnostics[0];
        Assert.Equal((code, elementId, DiagnosticSeverity.Error), (diagnostic.Code, diagnostic.ElementId, diagnostic.Severity));
        return diagnostic;
    }
}
