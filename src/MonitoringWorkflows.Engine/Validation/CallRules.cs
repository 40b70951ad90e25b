using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Model;

namespace MonitoringWorkflows.Engine.Validation;

/// <summary>Call activities must call a process that exists, and calls must never come back round to the caller.</summary>
internal static class CallRules
{
    public static void Check(BpmnDocument document, ValidationContext context, List<BpmnDiagnostic> diagnostics)
    {
        var local = document.Processes.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var process in document.Processes)
        {
            foreach (var call in process.AllNodes.OfType<CallActivity>())
            {
                if (call.CalledElement == process.Id)
                    diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.CallsItself, call,
                        $"calls its own process '{process.Id}', which would start copies of itself without end: call another process, or loop with a gateway."));
                else if (!local.ContainsKey(call.CalledElement) && context.KnownProcessIds is { } known && !known.Contains(call.CalledElement))
                    diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.UnknownCalledProcess, call,
                        $"calls the process '{call.CalledElement}', which is neither in this file nor published: publish that process first, or correct calledElement."));
                else if (PathBack(call.CalledElement, process.Id, id => CalledBy(id, local, context)) is { } path)
                    diagnostics.Add(BpmnDiagnostic.Error(BpmnCodes.CallCycle, call,
                        $"calls '{call.CalledElement}', which leads back to this process ({process.Id} → {string.Join(" → ", path)}): a case would start processes without end; break the cycle."));
            }
        }
    }

    private static IReadOnlyCollection<string> CalledBy(string processId, Dictionary<string, ProcessDefinition> local, ValidationContext context) =>
        local.TryGetValue(processId, out var process)
            ? process.AllNodes.OfType<CallActivity>().Select(c => c.CalledElement).Distinct(StringComparer.Ordinal).ToList()
            : context.CalledElementsOf?.Invoke(processId) ?? [];

    /// <summary>The chain of calls from <paramref name="start"/> back to <paramref name="caller"/>, or null when there is none.</summary>
    private static List<string>? PathBack(string start, string caller, Func<string, IReadOnlyCollection<string>> calledBy)
    {
        var cameFrom = new Dictionary<string, string?>(StringComparer.Ordinal) { [start] = null };
        var pending = new Queue<string>([start]);
        while (pending.TryDequeue(out var current))
        {
            if (current == caller) return Chain(cameFrom, current);
            foreach (var next in calledBy(current))
            {
                if (cameFrom.TryAdd(next, current)) pending.Enqueue(next);
            }
        }
        return null;
    }

    private static List<string> Chain(Dictionary<string, string?> cameFrom, string end)
    {
        var chain = new List<string>();
        for (string? id = end; id is not null; id = cameFrom[id]) chain.Add(id);
        chain.Reverse();
        return chain;
    }
}
