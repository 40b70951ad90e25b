using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Expressions;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Actions;

/// <summary>What a built-in action sees: its evaluated inputs and the variables of the token that runs it.</summary>
public sealed record ServiceActionContext(string ElementId, JsonObject Inputs, IVariableScope Variables, DateTimeOffset Now);

/// <summary>What a built-in action gives back: variables to set and messages for the host's outbox.</summary>
public sealed record ServiceActionResult(JsonObject? Outputs = null, IReadOnlyList<OutboxMessage>? Messages = null)
{
    public static readonly ServiceActionResult Empty = new();
}

/// <summary>
/// A built-in action a service task runs by name. Actions are pure: they compute from their inputs and ask
/// the host for side effects through outbox messages. A throw becomes an incident on the instance.
/// </summary>
public interface IServiceAction
{
    string Name { get; }

    /// <summary>One line on what it does, for the designer's dropdown.</summary>
    string Description { get; }

    /// <summary>The inputs it reads, for the designer and the validator.</summary>
    IReadOnlyList<string> Parameters { get; }

    ServiceActionResult Execute(ServiceActionContext context);
}

/// <summary>The actions a service task can name.</summary>
public sealed class ServiceActionRegistry
{
    private readonly Dictionary<string, IServiceAction> actions = new(StringComparer.Ordinal);

    public ServiceActionRegistry(IEnumerable<IServiceAction> actions)
    {
        foreach (var action in actions) this.actions[action.Name] = action;
    }

    public IReadOnlyCollection<IServiceAction> All => actions.Values;

    public bool TryGet(string name, out IServiceAction action) => actions.TryGetValue(name, out action!);
}

/// <summary>
/// Thrown by an action to signal a modelled business error (caught by an error boundary event with this code),
/// as opposed to any other exception, which is a bug and becomes an incident.
/// </summary>
public sealed class BpmnErrorException(string errorCode, string? message = null)
    : Exception(message ?? $"BPMN error '{errorCode}'.")
{
    public string ErrorCode { get; } = errorCode;
}
