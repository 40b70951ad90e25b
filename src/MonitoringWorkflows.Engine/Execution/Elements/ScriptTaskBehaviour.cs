using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Execution.Elements;

/// <summary>
/// Runs the script in the sandbox, with the task's inputs visible as variables; what the script assigns is the
/// task's result, kept only if the script completes.
/// </summary>
internal static class ScriptTaskBehaviour
{
    public static void Enter(StepContext context, Token token, ScriptTask task, JsonObject? inputs)
    {
        var assigned = context.Expressions.RunScript(task.Script ?? "", context.VariablesOf(token, inputs));
        var result = new JsonObject();
        foreach (var (name, value) in assigned) result[name] = value?.DeepClone();
        Activities.Complete(context, token, result);
    }
}
