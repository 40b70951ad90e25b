using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Cases;

/// <summary>
/// The diagram data of a case's instances (the referral first, then the processes it called): where each instance is
/// now, read from its state's tokens, and the way it came, read from the journal. The journal names the elements
/// entered and completed and the sequence flows taken; gateways and start events are not journalled on their own, so
/// the ends of every flow taken are counted as passed too.
/// </summary>
public sealed class CaseDiagrams(WorkflowDbContext db, DefinitionCache definitions)
{
    private static readonly JournalKind[] PathKinds = [JournalKind.ElementEntered, JournalKind.ElementCompleted, JournalKind.FlowTaken];

    public async Task<IReadOnlyList<InstanceDiagram>> ForCaseAsync(string caseNumber, long? mainInstanceId, CancellationToken cancellationToken)
    {
        var instances = await db.ProcessInstances.AsNoTracking().Where(i => i.BusinessKey == caseNumber)
            .Select(i => new
            {
                i.Id, i.ParentInstanceId, i.DefinitionVersionId, i.Status, i.StateJson,
                i.DefinitionVersion!.Key, i.DefinitionVersion.Name, i.DefinitionVersion.Version, i.DefinitionVersion.BpmnXml,
            })
            .ToListAsync(cancellationToken);
        var ids = instances.Select(i => i.Id).ToList();
        var path = (await db.JournalEntries.AsNoTracking()
                .Where(j => ids.Contains(j.InstanceId) && PathKinds.Contains(j.Kind) && j.ElementId != null)
                .Select(j => new { j.InstanceId, j.Kind, j.ElementId }).ToListAsync(cancellationToken))
            .ToLookup(j => j.InstanceId);
        var diagrams = new List<InstanceDiagram>();
        foreach (var i in instances.OrderBy(i => i.Id == mainInstanceId ? 0 : 1).ThenBy(i => i.Id))
        {
            var definition = await definitions.GetAsync(db, i.DefinitionVersionId, cancellationToken);
            var current = CurrentElements(i.StateJson);
            var flows = path[i.Id].Where(j => j.Kind == JournalKind.FlowTaken).Select(j => j.ElementId!).Distinct().ToList();
            var passed = Passed(definition, path[i.Id].Where(j => j.Kind != JournalKind.FlowTaken).Select(j => j.ElementId!), flows)
                .Except(current).ToList();
            diagrams.Add(new InstanceDiagram(i.Id, i.ParentInstanceId, i.Key, i.Name, i.Version, i.Status.ToString(), i.BpmnXml,
                current, passed, flows));
        }
        return diagrams;
    }

    /// <summary>The elements holding a token: user tasks, timers, messages, call activities and joins waiting.</summary>
    public static IReadOnlyList<string> CurrentElements(string stateJson)
    {
        var state = RuntimeJson.DeserializeState(stateJson);
        return state.Status == InstanceStatus.Running ? state.Tokens.Select(t => t.ElementId).Distinct().ToList() : [];
    }

    private static IEnumerable<string> Passed(ProcessDefinition definition, IEnumerable<string> elements, IReadOnlyList<string> flows)
    {
        var passed = new HashSet<string>(elements);
        foreach (var id in flows)
        {
            if (!definition.TryGetFlow(id, out var flow)) continue;
            passed.Add(flow.Source.Id);
            passed.Add(flow.Target.Id);
        }
        return passed;
    }
}
