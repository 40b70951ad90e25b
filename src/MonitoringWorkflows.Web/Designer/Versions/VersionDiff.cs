using MonitoringWorkflows.Engine.Model;

namespace MonitoringWorkflows.Web.Designer.Versions;

/// <summary>One property of an element that differs between two versions.</summary>
public sealed record PropertyChange(string Property, string? From, string? To);

/// <summary>An element (node or sequence flow) of the diff; <see cref="Changes"/> is empty for added and removed ones.</summary>
public sealed record DiffElement(string Id, string Type, string? Name, IReadOnlyList<PropertyChange> Changes);

/// <summary>What changed from one version of a process to another, element by element, matched by id.</summary>
public sealed record VersionDiff(string Key, int From, int To,
    IReadOnlyList<DiffElement> Added, IReadOnlyList<DiffElement> Removed, IReadOnlyList<DiffElement> Changed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    /// <summary>Compares every node and sequence flow of <paramref name="from"/> with the element of the same id in <paramref name="to"/>.</summary>
    public static VersionDiff Between(string key, int fromVersion, ProcessDefinition from, int toVersion, ProcessDefinition to)
    {
        var before = Elements(from);
        var after = Elements(to);
        var added = after.Keys.Where(id => !before.ContainsKey(id)).Select(id => Element(id, after[id], [])).ToList();
        var removed = before.Keys.Where(id => !after.ContainsKey(id)).Select(id => Element(id, before[id], [])).ToList();
        var changed = new List<DiffElement>();
        foreach (var (id, old) in before)
        {
            if (!after.TryGetValue(id, out var now)) continue;
            var changes = Compare(old, now);
            if (changes.Count > 0) changed.Add(Element(id, now, changes));
        }
        return new VersionDiff(key, fromVersion, toVersion, added, removed, changed);
    }

    private static SortedDictionary<string, SortedDictionary<string, string?>> Elements(ProcessDefinition process)
    {
        var elements = new SortedDictionary<string, SortedDictionary<string, string?>>(StringComparer.Ordinal);
        foreach (var node in process.AllNodes) elements[node.Id] = ElementFacts.Of(node);
        foreach (var flow in process.AllFlows) elements[flow.Id] = ElementFacts.Of(flow);
        return elements;
    }

    private static List<PropertyChange> Compare(SortedDictionary<string, string?> old, SortedDictionary<string, string?> now) =>
        old.Keys.Union(now.Keys).Order(StringComparer.Ordinal)
            .Select(property => new PropertyChange(property, old.GetValueOrDefault(property), now.GetValueOrDefault(property)))
            .Where(change => !string.Equals(change.From, change.To, StringComparison.Ordinal))
            .ToList();

    private static DiffElement Element(string id, SortedDictionary<string, string?> facts, List<PropertyChange> changes) =>
        new(id, facts["type"]!, facts.GetValueOrDefault("name"), changes);
}
