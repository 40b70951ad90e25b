using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Actions;
using MonitoringWorkflows.Engine.Expressions;
using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Execution.Elements;

/// <summary>Runs the task's built-in action. A <see cref="BpmnErrorException"/> is a modelled error; anything else is an incident.</summary>
internal static class ServiceTaskBehaviour
{
    public static void Enter(StepContext context, Token token, ServiceTask task, JsonObject? inputs)
    {
        if (task.Action is null || !context.Actions.TryGet(task.Action, out var action))
            throw new StepFailure(IncidentCodes.UnknownAction, task.Id,
                $"{task.Describe()} names the action '{task.Action}', which this server does not have.");

        ServiceActionResult result;
        try
        {
            result = action.Execute(new ServiceActionContext(task.Id, inputs ?? [], context.VariablesOf(token), context.Now));
        }
        catch (BpmnErrorException error)
        {
            ErrorPropagation.ThrowFromActivity(context, token, error.ErrorCode);
            return;
        }
        catch (Exception exception) when (exception is not ExpressionException and not StepFailure)
        {
            throw new StepFailure(IncidentCodes.ActionFailed, task.Id, $"The action '{action.Name}' of {task.Describe()} failed: {exception.Message}");
        }
        foreach (var message in result.Messages ?? []) context.Emit(message);
        Activities.Complete(context, token, result.Outputs);
    }
}
