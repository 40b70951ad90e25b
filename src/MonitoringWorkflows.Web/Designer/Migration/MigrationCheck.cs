using MonitoringWorkflows.Engine.Model;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Designer.Versions;

namespace MonitoringWorkflows.Web.Designer.Migration;

/// <summary>Where an instance is active: a token's element, an open user task, a waiting timer or message, a running scope.</summary>
public sealed record ActiveElement(string ElementId, string? Type, string Kind, string? Detail = null);

/// <summary>
/// Why an active element would not map onto the new version. Codes: <c>missing</c> (no element of that id),
/// <c>typeChanged</c>, <c>eventChanged</c> (a waiting timer or message whose event is gone or is another one now),
/// <c>containerChanged</c> (moved into or out of a sub-process), <c>attachmentChanged</c> (a boundary event moved to
/// another activity), <c>joinChanged</c> (a waiting join's incoming flow is gone), <c>notMultiInstance</c>.
/// </summary>
public sealed record MigrationProblem(string Code, string ElementId, string? From = null, string? To = null);

/// <summary>
/// Decides, element by element (matched by id), whether an instance's state can continue on another version of its
/// process. The state itself does not change: tokens, scopes and subscriptions name elements by id, so an instance
/// whose every active element has the same kind of element in the new version simply goes on there.
/// </summary>
internal static class MigrationCheck
{
    public static IReadOnlyList<ActiveElement> ActiveElements(InstanceState state, ProcessDefinition definition)
    {
        var active = new List<ActiveElement>();
        foreach (var token in state.Tokens)
        {
            var kind = token.Wait switch
            {
                WaitKind.UserTask => "userTask",
                WaitKind.CalledProcess => "calledProcess",
                WaitKind.Scope => "scope",
                WaitKind.Timer => "timer",
                WaitKind.Message => "message",
                _ => token.Phase == TokenPhase.Joining ? "join" : "token",
            };
            active.Add(new ActiveElement(token.ElementId, TypeOf(definition, token.ElementId), kind,
                token.Phase == TokenPhase.Joining ? token.ArrivedVia : token.TaskId?.ToString()));
        }
        foreach (var subscription in state.Subscriptions)
            active.Add(new ActiveElement(subscription.ElementId, TypeOf(definition, subscription.ElementId),
                subscription.Kind == SubscriptionKind.Timer ? "timer" : "message",
                subscription.Kind == SubscriptionKind.Timer ? subscription.DueAt?.ToString("u") : subscription.MessageName));
        return active;
    }

    public static IReadOnlyList<MigrationProblem> Problems(InstanceState state, ProcessDefinition from, ProcessDefinition to)
    {
        var problems = new List<MigrationProblem>();
        foreach (var token in state.Tokens) CheckNode(token.ElementId, from, to, problems);
        foreach (var scope in state.Scopes.Where(s => !s.IsProcess))
        {
            CheckNode(scope.ElementId, from, to, problems);
            if (scope.Kind is ScopeKind.MultiInstance or ScopeKind.MultiInstanceBody
                && to.TryGetNode(scope.ElementId, out var node) && node is Activity { MultiInstance: null })
                problems.Add(new MigrationProblem("notMultiInstance", scope.ElementId));
        }
        foreach (var subscription in state.Subscriptions) CheckSubscription(subscription, from, to, problems);
        foreach (var token in state.Tokens.Where(t => t.Phase == TokenPhase.Joining && t.ArrivedVia is not null))
        {
            if (!to.TryGetFlow(token.ArrivedVia!, out var flow) || flow.Target.Id != token.ElementId)
                problems.Add(new MigrationProblem("joinChanged", token.ElementId, token.ArrivedVia));
        }
        return problems.Distinct().ToList();
    }

    private static void CheckNode(string elementId, ProcessDefinition from, ProcessDefinition to, List<MigrationProblem> problems)
    {
        if (!to.TryGetNode(elementId, out var now))
        {
            problems.Add(new MigrationProblem("missing", elementId, TypeOf(from, elementId)));
            return;
        }
        if (!from.TryGetNode(elementId, out var old)) return;
        if (old.BpmnType != now.BpmnType) problems.Add(new MigrationProblem("typeChanged", elementId, old.BpmnType, now.BpmnType));
        else if (old.Parent?.Id != now.Parent?.Id) problems.Add(new MigrationProblem("containerChanged", elementId, old.Parent?.Id, now.Parent?.Id));
    }

    private static void CheckSubscription(Subscription subscription, ProcessDefinition from, ProcessDefinition to, List<MigrationProblem> problems)
    {
        var old = from.TryGetNode(subscription.ElementId, out var before) && DefinitionOf(before) is { } o ? ElementFacts.Describe(o) : null;
        if (!to.TryGetNode(subscription.ElementId, out var now) || DefinitionOf(now) is not { } definition)
        {
            problems.Add(new MigrationProblem("eventChanged", subscription.ElementId, old));
            return;
        }
        var same = (subscription.Kind, definition) switch
        {
            (SubscriptionKind.Timer, TimerDefinition) => true,
            (SubscriptionKind.Message, MessageDefinition message) => message.MessageName == subscription.MessageName,
            _ => false,
        };
        if (!same) problems.Add(new MigrationProblem("eventChanged", subscription.ElementId, old, ElementFacts.Describe(definition)));
        if (before is BoundaryEvent b && (now is not BoundaryEvent a || a.AttachedTo.Id != b.AttachedTo.Id))
            problems.Add(new MigrationProblem("attachmentChanged", subscription.ElementId, b.AttachedTo.Id, (now as BoundaryEvent)?.AttachedTo.Id));
    }

    private static EventDefinition? DefinitionOf(FlowNode node) => node switch
    {
        IntermediateCatchEvent c => c.Definition,
        BoundaryEvent b => b.Definition,
        ReceiveTask r => new MessageDefinition(r.MessageName),
        _ => null,
    };

    private static string? TypeOf(ProcessDefinition definition, string elementId) =>
        definition.TryGetNode(elementId, out var node) ? node.BpmnType : null;
}
