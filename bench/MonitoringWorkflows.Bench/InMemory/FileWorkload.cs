using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Actions;
using MonitoringWorkflows.Engine.Execution;
using MonitoringWorkflows.Engine.Expressions;

namespace MonitoringWorkflows.Bench.InMemory;

/// <summary>
/// Any BPMN file run end to end in memory with no data: tasks complete empty, messages arrive empty, timers fire
/// when nothing else can move the instance, called processes of the same file run in-process.
/// </summary>
internal sealed class FileWorkload
{
    private readonly InMemoryHost host;
    private readonly ScenarioRoute route;

    public FileWorkload(string file)
    {
        var library = ProcessLibrary.FromFiles([file]);
        Process = library.MainProcessId;
        var scenario = Scenario.Empty();
        route = scenario.Routes[0];
        host = new InMemoryHost(new ProcessExecutor(new JintExpressionEvaluator(), BuiltInActions.Registry()), library, scenario, CallActivityMode.RunChild);
    }

    /// <summary>The process an instance starts: the file's first executable process.</summary>
    public string Process { get; }

    public void RunOne(long index) => host.Run(Process, new JsonObject(), route);

    /// <summary>Runs one instance and returns the ids of the elements it entered or completed (called processes' included).</summary>
    public IReadOnlySet<string> Passed()
    {
        host.Passed = new HashSet<string>(StringComparer.Ordinal);
        RunOne(0);
        var passed = host.Passed;
        host.Passed = null;
        return passed;
    }
}
