namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// The sandbox's limits for one evaluation, and the sizes of the evaluator's caches. The defaults stop a
/// runaway script in milliseconds while leaving room for a script that walks a few thousand items.
/// </summary>
public sealed record ExpressionLimits
{
    public static ExpressionLimits Default { get; } = new();

    /// <summary>Statements one evaluation may execute; an endless loop meets this first.</summary>
    public int MaxStatements { get; init; } = 100_000;

    /// <summary>Bytes one evaluation may allocate (measured on its thread, so it counts garbage too).</summary>
    public long MaxAllocatedBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Nested function calls one evaluation may make.</summary>
    public int MaxRecursionDepth { get; init; } = 64;

    /// <summary>Wall-clock time one evaluation may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Largest array a script may create.</summary>
    public uint MaxArrayLength { get; init; } = 1_000_000;

    /// <summary>Time one regular expression match may take (catastrophic backtracking).</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Prepared expressions (and, separately, scripts) kept; the cache starts over when it is full.</summary>
    public int PreparedCacheSize { get; init; } = 4096;

    /// <summary>Idle engines kept for reuse; more are created under load and dropped afterwards.</summary>
    public int MaxIdleEngines { get; init; } = Math.Max(4, Environment.ProcessorCount * 2);
}
