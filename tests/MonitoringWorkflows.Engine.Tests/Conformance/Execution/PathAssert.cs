namespace MonitoringWorkflows.Engine.Tests.Conformance.Execution;

/// <summary>
/// Assertions on the path an instance took. Where BPMN orders the steps (one token, or steps caused one by
/// another) the order is asserted; where it leaves the interleaving of concurrent branches open, only each
/// branch's own order is, so a test does not pin down a scheduling choice the specification does not make.
/// </summary>
internal static class PathAssert
{
    /// <summary>The path is exactly <paramref name="expected"/>, in that order.</summary>
    public static void Sequence(IReadOnlyList<string> actual, params string[] expected) => Assert.Equal(expected, actual);

    /// <summary>
    /// The path holds exactly the <paramref name="expected"/> steps (each as often as listed), and each branch
    /// appears in it in its own order.
    /// </summary>
    public static void Concurrent(IReadOnlyList<string> actual, string[] expected, params string[][] branches)
    {
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        foreach (var branch in branches)
        {
            var position = 0;
            foreach (var step in actual)
                if (position < branch.Length && step == branch[position]) position++;
            Assert.True(position == branch.Length,
                $"The branch [{string.Join(", ", branch)}] is not in this order in [{string.Join(", ", actual)}].");
        }
    }
}
