using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Execution.Elements;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Execution;

/// <summary>The life of an activity instance: entering it (multi-instance or not), waiting, completing, leaving.</summary>
internal static class Activities
{
    public static void Enter(StepContext context, Token token, Activity activity)
    {
        if (activity.MultiInstance is not null && !MultiInstanceBody.IsBody(context, token, activity))
        {
            MultiInstanceBody.Start(context, token, activity);
        }
        else
        {
            var inputs = activity.Inputs.Count == 0 ? null : Values.EvaluateMappings(context, activity.Inputs, token.ScopeId, source: null);
            RunBehaviour(context, token, activity, inputs);
        }
        // Boundary events belong to the whole activity (for multi-instance: the root token, not each body).
        if (token.Phase == TokenPhase.Waiting && context.State.Tokens.Contains(token) && !MultiInstanceBody.IsBody(context, token, activity))
            BoundaryEvents.Subscribe(context, token, activity);
    }

    private static void RunBehaviour(StepContext context, Token token, Activity activity, JsonObject? inputs)
    {
        switch (activity)
        {
            case UserTask userTask: UserTaskBehaviour.Enter(context, token, userTask, inputs); break;
            case ServiceTask serviceTask: ServiceTaskBehaviour.Enter(context, token, serviceTask, inputs); break;
            case ScriptTask scriptTask: ScriptTaskBehaviour.Enter(context, token, scriptTask, inputs); break;
            case ManualTask: Complete(context, token, result: null); break;
            case ReceiveTask receiveTask: MessageCatch.Wait(context, token, receiveTask.MessageName); break;
            case SubProcess subProcess: SubProcessBehaviour.Enter(context, token, subProcess, inputs); break;
            case CallActivity callActivity: CallActivityBehaviour.Enter(context, token, callActivity, inputs); break;
            default: throw new NotSupportedException($"{activity.Describe()} cannot be executed.");
        }
    }

    public static void Wait(Token token, WaitKind wait)
    {
        token.Phase = TokenPhase.Waiting;
        token.Wait = wait;
    }

    /// <summary>
    /// Completes the activity the token is on: output mappings over <paramref name="result"/> (or the result merged
    /// into the variables when there are none), then either the multi-instance body ends or the token leaves.
    /// </summary>
    public static void Complete(StepContext context, Token token, JsonObject? result, bool mergeResultWithoutMappings = true)
    {
        var activity = (Activity)context.NodeOf(token);
        context.CurrentElementId = activity.Id;
        if (activity.Outputs.Count > 0)
            context.SetVariables(token.ScopeId, activity.Id, Values.EvaluateMappings(context, activity.Outputs, token.ScopeId, result ?? []));
        else if (mergeResultWithoutMappings && result is { Count: > 0 })
            context.SetVariables(token.ScopeId, activity.Id, result);

        BoundaryEvents.Unsubscribe(context, token);
        context.Journal(JournalKind.ElementCompleted, activity.Id);
        if (activity.MultiInstance is not null && MultiInstanceBody.IsBody(context, token, activity))
            MultiInstanceBody.CompleteBody(context, token, activity);
        else
            Flow.Leave(context, token, activity, activity.DefaultFlow);
    }
}
