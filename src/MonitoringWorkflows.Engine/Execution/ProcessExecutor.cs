using MonitoringWorkflows.Engine.Actions;
using MonitoringWorkflows.Engine.Expressions;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Execution;

/// <summary>
/// The pure step function of the engine: (definition, state, trigger, now) → (new state, effects).
/// It touches no database, clock or thread; the host stores the state and applies the effects.
/// </summary>
public sealed class ProcessExecutor(IExpressionEvaluator expressions, ServiceActionRegistry actions)
{
    internal IExpressionEvaluator Expressions { get; } = expressions;
    internal ServiceActionRegistry Actions { get; } = actions;

    public StepResult Step(ProcessDefinition definition, InstanceState state, Trigger trigger, DateTimeOffset now)
    {
        throw new NotImplementedException("The executor is being written.");
    }
}
