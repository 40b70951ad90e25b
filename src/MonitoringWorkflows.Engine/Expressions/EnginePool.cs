using System.Collections.Concurrent;

namespace MonitoringWorkflows.Engine.Expressions;

/// <summary>
/// Idle sandboxed engines: an engine runs one evaluation at a time, so each concurrent call rents its own.
/// Building one costs milliseconds (the lockdown), so up to <see cref="ExpressionLimits.MaxIdleEngines"/>
/// are kept; the extra ones made under a burst are dropped when returned.
/// </summary>
internal sealed class EnginePool(ExpressionLimits limits)
{
    private readonly ConcurrentBag<SandboxEngine> _idle = [];
    private int _idleCount;

    public int IdleCount => Volatile.Read(ref _idleCount);

    public SandboxEngine Rent()
    {
        if (!_idle.TryTake(out var engine)) return new SandboxEngine(limits);
        Interlocked.Decrement(ref _idleCount);
        return engine;
    }

    public void Return(SandboxEngine engine)
    {
        if (!engine.IsReusable || Interlocked.Increment(ref _idleCount) > limits.MaxIdleEngines)
        {
            if (engine.IsReusable) Interlocked.Decrement(ref _idleCount);
            engine.Dispose();
            return;
        }
        _idle.Add(engine);
    }
}
