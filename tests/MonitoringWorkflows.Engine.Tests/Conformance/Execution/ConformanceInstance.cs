using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Actions;
using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Execution;
using MonitoringWorkflows.Engine.Expressions;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Tests.Support;

namespace MonitoringWorkflows.Engine.Tests.Conformance.Execution;

/// <summary>
/// Starts a bpmn-engine corpus file on a <see cref="TestInstance"/> with the test-only <see cref="BpmnEngineDialect"/>
/// around the real evaluator, straight on the read model (the validator is not asked), and with called processes of
/// the same file started as child instances.
/// </summary>
internal static class ConformanceInstance
{
    private static readonly JintExpressionEvaluator Sandbox = new();

    /// <summary>Reads the corpus file, which must be readable, and starts its main process.</summary>
    public static TestInstance Start(string file, JsonObject? variables = null, string services = "{}")
    {
        var document = Read(file);
        var executor = new ProcessExecutor(new BpmnEngineDialect(Sandbox, services), new ServiceActionRegistry([]));
        return TestInstance.Start(document.MainProcess!, variables, executor, calledProcesses: document);
    }

    public static BpmnDocument Read(string file)
    {
        using var stream = File.OpenRead(ConformanceFiles.FullPath(file));
        var result = new BpmnReader().Read(stream);
        Assert.True(result.Document is not null, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Document!;
    }
}
