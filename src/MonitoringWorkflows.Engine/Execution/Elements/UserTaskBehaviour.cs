using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Execution.Elements;

/// <summary>Opens an inbox item for the task's agency or role and waits for it to be completed.</summary>
internal static class UserTaskBehaviour
{
    public static void Enter(StepContext context, Token token, UserTask task, JsonObject? inputs)
    {
        var variables = context.VariablesOf(token);
        var agency = Values.EvaluateText(context, task.Agency, variables, "agency");
        var role = Values.EvaluateText(context, task.Role, variables, "role");
        DateTimeOffset? dueAt = task.DueIn is { } dueIn
            ? Values.EvaluateDuration(context, dueIn, variables, "due-in duration").AddTo(context.Now, context.Calendar)
            : null;
        Activities.Wait(token, WaitKind.UserTask);
        token.TaskId = context.State.TakeId();
        context.Emit(new UserTaskCreated(token.TaskId.Value, task.Id, task.Name, agency, role, task.FormKey, dueAt, inputs));
    }

    public static void Complete(StepContext context, Token token, JsonObject? data, string actor)
    {
        context.Emit(new UserTaskCompleted(token.TaskId!.Value, token.ElementId, actor));
        Activities.Complete(context, token, data);
    }
}
