using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Expressions;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Tests.Support;
using MonitoringWorkflows.Engine.Validation;

namespace MonitoringWorkflows.Engine.Tests.Conformance.Execution;

/// <summary>What the reader and the validator say about a corpus file, as "CODE elementId" lines.</summary>
internal static class CorpusDiagnostics
{
    /// <summary>The reader's result for the file.</summary>
    public static BpmnReadResult Read(string file)
    {
        using var stream = File.OpenRead(ConformanceFiles.FullPath(file));
        return new BpmnReader().Read(stream);
    }

    /// <summary>
    /// The validator's errors for a readable file, checked with the real sandbox (as publishing would), so a
    /// condition in bpmn-engine's dialect counts as not parsing.
    /// </summary>
    public static IReadOnlyList<string> ValidatorErrors(BpmnDocument document) =>
        new DefinitionValidator()
            .Validate(document, new ValidationContext { Expressions = new JintExpressionEvaluator() })
            .Where(d => d.IsError)
            .Select(Line)
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<string> ValidatorErrors(string file)
    {
        var result = Read(file);
        Assert.True(result.Document is not null, string.Join(Environment.NewLine, result.Diagnostics));
        return ValidatorErrors(result.Document!);
    }

    public static string Line(BpmnDiagnostic diagnostic) => $"{diagnostic.Code} {diagnostic.ElementId}";
}
