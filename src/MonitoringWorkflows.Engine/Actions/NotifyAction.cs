using System.Text.Json.Nodes;
using MonitoringWorkflows.Engine.Runtime;

namespace MonitoringWorkflows.Engine.Actions;

/// <summary>
/// Sends an in-app notification to an agency or a role of the case's district (the host delivers it from the outbox).
/// Inputs: <c>agency</c> or <c>role</c>, <c>subject</c>, optional <c>text</c>.
/// </summary>
public sealed class NotifyAction : IServiceAction
{
    public string Name => "notify";
    public string Description => "Notify an agency or a role (for example the chair) in the case's district.";
    public IReadOnlyList<string> Parameters => ["agency", "role", "subject", "text"];

    public ServiceActionResult Execute(ServiceActionContext context)
    {
        var agency = Text(context.Inputs, "agency");
        var role = Text(context.Inputs, "role");
        var subject = Text(context.Inputs, "subject");
        if (agency is null && role is null)
            throw new ArgumentException("notify needs an 'agency' or a 'role' input to know whom to tell.");
        if (subject is null)
            throw new ArgumentException("notify needs a 'subject' input.");
        var payload = new JsonObject
        {
            ["agency"] = agency,
            ["role"] = role,
            ["subject"] = subject,
            ["text"] = Text(context.Inputs, "text"),
        };
        return new ServiceActionResult(Messages: [new OutboxMessage("notification", context.ElementId, payload)]);
    }

    private static string? Text(JsonObject inputs, string name) =>
        inputs[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}

/// <summary>The actions every host offers.</summary>
public static class BuiltInActions
{
    public static IReadOnlyList<IServiceAction> All { get; } = [new NotifyAction()];

    public static ServiceActionRegistry Registry() => new(All);
}
