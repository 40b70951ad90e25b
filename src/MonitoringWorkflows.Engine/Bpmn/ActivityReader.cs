using System.Xml.Linq;
using MonitoringWorkflows.Engine.Model;

namespace MonitoringWorkflows.Engine.Bpmn;

/// <summary>Builds tasks, sub-processes and call activities, with their multi-instance and mw extension parts.</summary>
internal sealed class ActivityReader(ReadContext context, EventDefinitionReader definitions)
{
    private sealed record Common(string Id, string? Name, MultiInstance? MultiInstance, IReadOnlyList<IoMapping> Inputs, IReadOnlyList<IoMapping> Outputs);

    public Activity? Read(XElement element, string id)
    {
        if (!Supported(element)) return null;
        var c = new Common(id, (string?)element.Attribute("name"), MultiInstance(element),
            ExtensionReader.Mappings(context, element, "input"), ExtensionReader.Mappings(context, element, "output"));
        return element.Name.LocalName switch
        {
            "task" => new ManualTask("task") { Id = c.Id, Name = c.Name, MultiInstance = c.MultiInstance, Inputs = c.Inputs, Outputs = c.Outputs },
            "manualTask" => new ManualTask { Id = c.Id, Name = c.Name, MultiInstance = c.MultiInstance, Inputs = c.Inputs, Outputs = c.Outputs },
            "userTask" => UserTask(element, c),
            "serviceTask" => new ServiceTask
            {
                Id = c.Id, Name = c.Name, MultiInstance = c.MultiInstance, Inputs = c.Inputs, Outputs = c.Outputs,
                Action = Trimmed(ExtensionReader.Attribute(element, "action")),
            },
            "scriptTask" => ScriptTask(element, c),
            "receiveTask" => ReceiveTask(element, c),
            "subProcess" => new SubProcess { Id = c.Id, Name = c.Name, MultiInstance = c.MultiInstance, Inputs = c.Inputs, Outputs = c.Outputs },
            "callActivity" => CallActivity(element, c),
            var other => throw new NotSupportedException($"The activity reader was given a {other}, which is not an activity it builds."),
        };
    }

    private bool Supported(XElement element)
    {
        var ok = true;
        if (string.Equals((string?)element.Attribute("isForCompensation"), "true", StringComparison.Ordinal))
            ok = Reject(element, "is a compensation handler (isForCompensation), which is not supported: remove the compensation marker");
        if (element.Name.LocalName == "subProcess" && string.Equals((string?)element.Attribute("triggeredByEvent"), "true", StringComparison.Ordinal))
            ok = Reject(element, "is an event sub-process, which is not supported: use a boundary event on an embedded sub-process instead");
        foreach (var loop in element.Elements().Where(e => e.Name == BpmnNames.Model + "standardLoopCharacteristics" || e.Name == BpmnNames.Model + "loopCharacteristics"))
            ok = Reject(element, $"has {loop.Name.LocalName} (a loop), which is not supported: use a multi-instance marker or a gateway that loops back");
        if (element.Name.LocalName == "receiveTask" && string.Equals((string?)element.Attribute("instantiate"), "true", StringComparison.Ordinal))
            ok = Reject(element, "starts the process (instantiate=\"true\"), which is not supported: start with a none start event");
        return ok;
    }

    private bool Reject(XElement element, string problemAndRemedy)
    {
        context.Error(BpmnCodes.UnsupportedElement, element, problemAndRemedy + ".");
        return false;
    }

    private static UserTask UserTask(XElement element, Common c) => new()
    {
        Id = c.Id, Name = c.Name, MultiInstance = c.MultiInstance, Inputs = c.Inputs, Outputs = c.Outputs,
        Agency = ValueExpression.Parse(ExtensionReader.Attribute(element, "agency")),
        Role = ValueExpression.Parse(ExtensionReader.Attribute(element, "role")),
        FormKey = Trimmed(ExtensionReader.Attribute(element, "formKey")),
        DueIn = ValueExpression.Parse(ExtensionReader.Attribute(element, "dueIn")),
    };

    private ScriptTask? ScriptTask(XElement element, Common c)
    {
        var format = Trimmed((string?)element.Attribute("scriptFormat"));
        if (format is not null && !BpmnNames.JavaScriptLanguages.Contains(format))
        {
            context.Error(BpmnCodes.UnsupportedLanguage, element,
                $"is written in '{format}', but scripts run as JavaScript: rewrite it in JavaScript and set scriptFormat=\"javascript\".");
            return null;
        }
        var script = element.Element(BpmnNames.Model + "script")?.Value;
        return new ScriptTask
        {
            Id = c.Id, Name = c.Name, MultiInstance = c.MultiInstance, Inputs = c.Inputs, Outputs = c.Outputs,
            ScriptFormat = format, Script = string.IsNullOrWhiteSpace(script) ? null : script.Trim(),
        };
    }

    private ReceiveTask? ReceiveTask(XElement element, Common c)
    {
        var message = definitions.MessageName(element, ReadContext.Ref(element, "messageRef"));
        return message is null ? null : new ReceiveTask
        {
            Id = c.Id, Name = c.Name, MultiInstance = c.MultiInstance, Inputs = c.Inputs, Outputs = c.Outputs, MessageName = message,
        };
    }

    private CallActivity? CallActivity(XElement element, Common c)
    {
        var called = ReadContext.Ref(element, "calledElement");
        if (called is null)
        {
            context.Error(BpmnCodes.MissingRequiredPart, element,
                "does not say which process it calls: set calledElement to the id of a published process.");
            return null;
        }
        return new CallActivity { Id = c.Id, Name = c.Name, MultiInstance = c.MultiInstance, Inputs = c.Inputs, Outputs = c.Outputs, CalledElement = called };
    }

    private static MultiInstance? MultiInstance(XElement element)
    {
        var loop = element.Element(BpmnNames.Model + "multiInstanceLoopCharacteristics");
        if (loop is null) return null;
        return new MultiInstance
        {
            IsSequential = string.Equals(((string?)loop.Attribute("isSequential"))?.Trim(), "true", StringComparison.Ordinal),
            Collection = ExpressionText(ExtensionReader.Attribute(loop, "collection")),
            ElementVariable = Trimmed(ExtensionReader.Attribute(loop, "elementVariable")),
            LoopCardinality = ExpressionText(loop.Element(BpmnNames.Model + "loopCardinality")?.Value),
            CompletionCondition = ExpressionText(loop.Element(BpmnNames.Model + "completionCondition")?.Value),
        };
    }

    /// <summary>An expression written with or without its leading "=" (these places only ever hold expressions).</summary>
    internal static string? ExpressionText(string? raw)
    {
        var text = Trimmed(raw);
        if (text is null) return null;
        return text.StartsWith('=') ? Trimmed(text[1..]) : text;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
