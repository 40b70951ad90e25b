using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Execution.Elements;

/// <summary>
/// Asks the host to start the called process with the input mappings' values (all variables when there are
/// none) and waits until the child ends. Only the output mappings' values come back to the parent.
/// </summary>
internal static class CallActivityBehaviour
{
    public static void Enter(StepContext context, Token token, CallActivity call, JsonObject? inputs)
    {
        var childVariables = inputs ?? AllVisibleVariables(context, token);
        Activities.Wait(token, WaitKind.CalledProcess);
        context.Emit(new CalledProcessStarted(token.Id, call.Id, call.CalledElement, childVariables));
    }

    public static void Complete(StepContext context, Token token, JsonObject? childVariables) =>
        Activities.Complete(context, token, childVariables, mergeResultWithoutMappings: false);

    private static JsonObject AllVisibleVariables(StepContext context, Token token)
    {
        var variables = context.VariablesOf(token);
        var result = new JsonObject();
        foreach (var name in variables.Names)
            if (variables.TryGet(name, out var value)) result[name] = value?.DeepClone();
        return result;
    }
}
