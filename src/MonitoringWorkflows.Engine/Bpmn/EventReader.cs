using System.Xml.Linq;
using MonitoringWorkflows.Engine.Model;

namespace MonitoringWorkflows.Engine.Bpmn;

/// <summary>Builds start, end, intermediate and boundary events; any event definition outside the subset is an error.</summary>
internal sealed class EventReader(ReadContext context, EventDefinitionReader definitions)
{
    public FlowNode? Start(XElement element, string id)
    {
        var definition = SingleDefinition(element);
        if (definition is null) return new StartEvent { Id = id, Name = Name(element) };
        return Unsupported(element, definition,
            "only none start events are supported (the host starts each case): remove the event definition");
    }

    public FlowNode? End(XElement element, string id)
    {
        var definition = SingleDefinition(element);
        switch (definition?.Name.LocalName)
        {
            case null:
                return new EndEvent { Id = id, Name = Name(element), Kind = EndEventKind.None };
            case "terminateEventDefinition":
                return new EndEvent { Id = id, Name = Name(element), Kind = EndEventKind.Terminate };
            case "errorEventDefinition":
                var (ok, code) = definitions.ErrorCode(element, definition);
                return ok ? new EndEvent { Id = id, Name = Name(element), Kind = EndEventKind.Error, ErrorCode = code } : null;
            default:
                return Unsupported(element, definition, "end events may be none, terminate or error: change the end event");
        }
    }

    public FlowNode? Throw(XElement element, string id)
    {
        var definition = SingleDefinition(element);
        if (definition is null) return new IntermediateThrowEvent { Id = id, Name = Name(element) };
        return Unsupported(element, definition,
            "intermediate throw events may only be none (a milestone): remove the event definition, or use a service task with mw:action to notify someone");
    }

    public FlowNode? Catch(XElement element, string id)
    {
        var definition = WaitDefinition(element, "an intermediate catch event");
        return definition is null ? null : new IntermediateCatchEvent { Id = id, Name = Name(element), Definition = definition };
    }

    public FlowNode? Boundary(XElement element, string id, Activity attachedTo)
    {
        var definition = WaitDefinition(element, "a boundary event", allowError: true);
        if (definition is null) return null;
        var cancelActivity = !string.Equals(((string?)element.Attribute("cancelActivity"))?.Trim(), "false", StringComparison.Ordinal);
        if (definition is ErrorDefinition && !cancelActivity)
        {
            context.Error(BpmnCodes.UnsupportedElement, element,
                "is a non-interrupting error boundary event, which BPMN does not allow: make it interrupting (cancelActivity=\"true\").");
            return null;
        }
        return new BoundaryEvent { Id = id, Name = Name(element), AttachedTo = attachedTo, CancelActivity = cancelActivity, Definition = definition };
    }

    private EventDefinition? WaitDefinition(XElement element, string what, bool allowError = false)
    {
        var definition = SingleDefinition(element);
        switch (definition?.Name.LocalName)
        {
            case null:
                context.Error(BpmnCodes.MissingRequiredPart, element,
                    $"has no event definition, so it would never be triggered: make {what} a timer{(allowError ? ", message or error" : " or message")} event.");
                return null;
            case "timerEventDefinition":
                return definitions.Timer(element, definition);
            case "messageEventDefinition":
                return definitions.Message(element, definition);
            case "errorEventDefinition" when allowError:
                var (ok, code) = definitions.ErrorCode(element, definition);
                return ok ? new ErrorDefinition(code) : null;
            default:
                Unsupported(element, definition,
                    $"{what} may wait for a timer{(allowError ? ", a message or an error" : " or a message")}: change the event type");
                return null;
        }
    }

    /// <summary>The one event definition of an event, or null for none; several is a "multiple" event, which is unsupported.</summary>
    private XElement? SingleDefinition(XElement element)
    {
        var all = EventDefinitionReader.Of(element);
        if (all.Count <= 1) return all.FirstOrDefault();
        context.Error(BpmnCodes.UnsupportedElement, element,
            $"has {all.Count} event definitions ({string.Join(", ", all.Select(d => d.Name.LocalName))}), a multiple event, which is not supported: keep one.");
        // A marker that is never read: the error above already rejects the file.
        return all[0];
    }

    private FlowNode? Unsupported(XElement element, XElement definition, string remedy)
    {
        var kind = definition.Name.LocalName == "eventDefinitionRef" ? "a reference to a global event definition" : definition.Name.LocalName;
        context.Error(BpmnCodes.UnsupportedElement, element, $"has {kind}, which is not supported: {remedy}.");
        return null;
    }

    private static string? Name(XElement element) => (string?)element.Attribute("name");
}
