namespace MonitoringWorkflows.Engine.Model;

/// <summary>Graph questions the inclusive join asks: which nodes can still send a token to a given flow.</summary>
internal static class Reachability
{
    /// <summary>
    /// For each incoming flow of the join: the nodes of the join's container that reach the flow's source
    /// (walking sequence flows backwards, and from a boundary event back to its activity) without passing
    /// through the join itself.
    /// </summary>
    public static IReadOnlyDictionary<string, HashSet<string>> SourcesOfIncomingFlows(InclusiveGateway join)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var flow in join.Incoming)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<FlowNode>();
            pending.Push(flow.Source);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                if (ReferenceEquals(node, join) || !seen.Add(node.Id)) continue;
                foreach (var incoming in node.Incoming) pending.Push(incoming.Source);
                if (node is BoundaryEvent boundary) pending.Push(boundary.AttachedTo);
            }
            result[flow.Id] = seen;
        }
        return result;
    }
}
