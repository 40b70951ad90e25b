using System.Xml.Linq;
using MonitoringWorkflows.Engine.Model;

namespace MonitoringWorkflows.Engine.Bpmn;

/// <summary>Reads timer, message and error event definitions, and resolves the messages and errors they name.</summary>
internal sealed class EventDefinitionReader(ReadContext context)
{
    private static readonly (string Name, TimerKind Kind)[] TimerParts =
        [("timeDuration", TimerKind.Duration), ("timeDate", TimerKind.Date), ("timeCycle", TimerKind.Cycle)];

    private readonly HashSet<XElement> warned = [];

    /// <summary>The event definitions of an event (<c>timerEventDefinition</c>…, and references to global ones).</summary>
    public static IReadOnlyList<XElement> Of(XElement flowEvent) =>
        flowEvent.Elements().Where(e => e.Name.Namespace == BpmnNames.Model
            && (e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal) || e.Name.LocalName == "eventDefinitionRef")).ToList();

    public TimerDefinition? Timer(XElement flowEvent, XElement definition)
    {
        var parts = TimerParts.Select(p => (p.Kind, Element: definition.Element(BpmnNames.Model + p.Name)))
            .Where(p => p.Element is not null).ToList();
        if (parts.Count > 1)
        {
            context.Error(BpmnCodes.UnsupportedElement, flowEvent,
                "has a timer with more than one of timeDuration, timeDate and timeCycle: keep exactly one.");
            return null;
        }
        var value = parts.Count == 1 ? ValueExpression.Parse(parts[0].Element!.Value) : null;
        if (value is null)
        {
            context.Error(BpmnCodes.TimerWithoutDefinition, flowEvent,
                "has a timer without a time: set a duration (PT24H), a date (2026-01-31T09:00:00Z), a cycle (R3/P1D) or an =expression.");
            return null;
        }
        return new TimerDefinition(parts[0].Kind, value);
    }

    public MessageDefinition? Message(XElement owner, XElement refHolder)
    {
        var name = MessageName(owner, ReadContext.Ref(refHolder, "messageRef"));
        return name is null ? null : new MessageDefinition(name);
    }

    /// <summary>The name of the message a wait state waits for; reports a missing, dangling or wrong messageRef.</summary>
    public string? MessageName(XElement owner, string? messageRef)
    {
        if (messageRef is null)
        {
            context.Error(BpmnCodes.MissingRequiredPart, owner,
                "does not say which message it waits for: choose a message (messageRef) whose name the case will receive.");
            return null;
        }
        var message = context.Resolve(owner, "messageRef", messageRef, "choose an existing message");
        if (message is null) return null;
        if (message.Name != BpmnNames.Model + "message")
        {
            context.Error(BpmnCodes.InvalidReference, owner, $"refers in messageRef to {ReadContext.Describe(message)}, which is not a message: choose a message.");
            return null;
        }
        return NameOrId(message, "name", "the name the case's message will carry");
    }

    /// <summary>The error code thrown or caught; null (catch every error) when no errorRef is given.</summary>
    public (bool Ok, string? Code) ErrorCode(XElement owner, XElement definition)
    {
        var errorRef = ReadContext.Ref(definition, "errorRef");
        if (errorRef is null) return (true, null);
        var error = context.Resolve(owner, "errorRef", errorRef, "choose an existing error");
        if (error is null) return (false, null);
        if (error.Name != BpmnNames.Model + "error")
        {
            context.Error(BpmnCodes.InvalidReference, owner, $"refers in errorRef to {ReadContext.Describe(error)}, which is not an error: choose an error.");
            return (false, null);
        }
        return (true, NameOrId(error, "errorCode", "the code that error end and error boundary events match on"));
    }

    private string NameOrId(XElement element, string attribute, string purpose)
    {
        var value = ((string?)element.Attribute(attribute))?.Trim();
        if (!string.IsNullOrEmpty(value)) return value;
        var id = BpmnNames.Id(element) ?? "";
        if (warned.Add(element)) context.Warning(BpmnCodes.NameFallsBackToId, element,
            $"has no {attribute}, so its id '{id}' is used as {purpose}: set {attribute}.");
        return id;
    }
}
