using MonitoringWorkflows.Engine.Actions;
using MonitoringWorkflows.Engine.Execution.Elements;
using MonitoringWorkflows.Engine.Expressions;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Engine.Time;

namespace MonitoringWorkflows.Engine.Execution;

/// <summary>
/// The pure step function of the engine: (definition, state, trigger, now) → (new state, effects).
/// It touches no database, clock or thread; the host stores the state and applies the effects.
/// Any failure while stepping is returned as an <see cref="Incident"/> with the given state untouched.
/// </summary>
/// <remarks>
/// On success the new state takes over the given state's variable map (with this step's writes applied) instead of
/// copying it; everything else is copied. Keep using the returned state, not the given one, after a successful step.
/// </remarks>
/// <param name="calendar">Which days are working days, for durations in working days; Monday to Friday when none is given.</param>
public sealed class ProcessExecutor(IExpressionEvaluator expressions, ServiceActionRegistry actions, IWorkingCalendar? calendar = null)
{
    public StepResult Step(ProcessDefinition definition, InstanceState state, Trigger trigger, DateTimeOffset now)
    {
        if (state.Status != InstanceStatus.Running && trigger is not StartInstance)
            return Ignore(state, trigger, $"the instance has already ended ({state.Status})");

        var context = new StepContext(definition, state.CopyForStep(), now, trigger.Actor, expressions, actions, calendar ?? WorkingCalendar.MondayToFriday);
        try
        {
            if (TriggerHandlers.Apply(context, trigger) is { } rejection)
                return new StepResult(state, [], Rejection: rejection);
            RunUntilQuiet(context);
            context.CommitVariables();
            return new StepResult(context.State, context.Effects);
        }
        catch (StepFailure failure)
        {
            return Failed(state, new Incident(failure.Code, failure.ElementId ?? context.CurrentElementId, failure.Message));
        }
        catch (ExpressionException failure)
        {
            return Failed(state, new Incident(failure.Code, context.CurrentElementId, failure.Message));
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            // A defect, not a modelled failure: still an incident on the instance rather than a half-applied step.
            return Failed(state, new Incident(IncidentCodes.Unexpected, context.CurrentElementId,
                $"{failure.GetType().Name}: {failure.Message}"));
        }
    }

    /// <summary>Moves every ready token until all wait; then fires inclusive joins that nothing can reach any more.</summary>
    private static void RunUntilQuiet(StepContext context)
    {
        while (true)
        {
            while (context.TryTakeReady(out var token)) ElementDispatch.Enter(context, token);
            if (!FireOneReadyInclusiveJoin(context)) return;
        }
    }

    private static bool FireOneReadyInclusiveJoin(StepContext context)
    {
        foreach (var token in context.State.Tokens)
        {
            if (token.Phase != TokenPhase.Joining || context.NodeOf(token) is not InclusiveGateway gateway) continue;
            context.CurrentElementId = gateway.Id;
            if (InclusiveGatewayBehaviour.TryFireJoin(context, gateway, token.ScopeId)) return true;
        }
        return false;
    }

    private static StepResult Ignore(InstanceState state, Trigger trigger, string why) =>
        new(state, [new JournalEntry(JournalKind.TriggerIgnored, null, trigger.Actor, why)]);

    private static StepResult Failed(InstanceState state, Incident incident) => new(state, [], incident);
}
