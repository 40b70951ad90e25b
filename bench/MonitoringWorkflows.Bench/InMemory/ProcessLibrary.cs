using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Model;

namespace MonitoringWorkflows.Bench.InMemory;

/// <summary>Every process of a set of BPMN files, by process id: what a call activity names.</summary>
internal sealed class ProcessLibrary
{
    private readonly Dictionary<string, ProcessDefinition> processes = new(StringComparer.Ordinal);

    /// <summary>The first executable process of the first file (what bpmn-engine runs when it executes that file).</summary>
    public string MainProcessId { get; private set; } = "";

    public static ProcessLibrary FromFiles(IEnumerable<string> files)
    {
        var library = new ProcessLibrary();
        foreach (var file in files)
        {
            var result = new BpmnReader().Read(File.ReadAllText(file));
            if (result.Document is not { } document)
                throw new InvalidOperationException($"{file} cannot be read: " + string.Join("; ", result.Errors.Select(e => e.ToString())));
            foreach (var process in document.Processes) library.processes.TryAdd(process.Id, process);
            if (library.MainProcessId.Length == 0 && document.MainProcess is { } main) library.MainProcessId = main.Id;
        }
        return library;
    }

    public ProcessDefinition this[string processId] => processes.TryGetValue(processId, out var process)
        ? process
        : throw new KeyNotFoundException($"No file of the bench defines the process '{processId}'.");

    public bool Contains(string processId) => processes.ContainsKey(processId);
}
