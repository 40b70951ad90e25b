using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Bpmn;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Runtime;

/// <summary>
/// Parsed process definitions keyed by definition version id. Instances only run published versions, which never
/// change, so an entry never goes stale.
/// </summary>
public sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<long, ProcessDefinition> definitions = new();

    internal async ValueTask<ProcessDefinition> GetAsync(WorkflowDbContext db, long versionId, CancellationToken cancellationToken)
    {
        if (definitions.TryGetValue(versionId, out var cached)) return cached;
        var row = await db.ProcessDefinitions.AsNoTracking()
            .Where(d => d.Id == versionId)
            .Select(d => new { d.Key, d.BpmnXml })
            .SingleAsync(cancellationToken);
        return definitions.GetOrAdd(versionId, Parse(row.Key, row.BpmnXml));
    }

    /// <summary>The model of a version whose row the caller has already read: parsed once, like <see cref="GetAsync"/>, without reading the XML again.</summary>
    internal ProcessDefinition Get(long versionId, string key, string bpmnXml) =>
        definitions.TryGetValue(versionId, out var cached) ? cached : definitions.GetOrAdd(versionId, Parse(key, bpmnXml));

    /// <summary>Reads the process <paramref name="key"/> out of a BPMN file, or throws with the reader's diagnostics.</summary>
    public static ProcessDefinition Parse(string key, string bpmnXml)
    {
        var result = new BpmnReader().Read(bpmnXml);
        if (result.Document?.Process(key) is { } process) return process;
        var problems = result.Document is null
            ? string.Join("; ", result.Errors.Select(e => e.ToString()))
            : $"the file has no process '{key}'";
        throw new InvalidOperationException($"The definition of process '{key}' cannot be read: {problems}.");
    }
}
