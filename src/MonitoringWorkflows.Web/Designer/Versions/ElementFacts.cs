using MonitoringWorkflows.Engine.Model;

namespace MonitoringWorkflows.Web.Designer.Versions;

/// <summary>
/// What the engine reads from one element, as named properties (<c>name</c>, <c>mw:agency</c>, <c>condition</c>,
/// <c>source</c>…): two versions of an element differ when these differ. Layout is not a fact: moving a shape changes
/// nothing the engine runs.
/// </summary>
internal static class ElementFacts
{
    public static SortedDictionary<string, string?> Of(FlowNode node)
    {
        var facts = new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            ["type"] = node.BpmnType,
            ["name"] = node.Name,
            ["parent"] = node.Parent?.Id,
        };
        switch (node)
        {
            case UserTask task:
                facts["mw:agency"] = task.Agency?.ToString();
                facts["mw:role"] = task.Role?.ToString();
                facts["mw:formKey"] = task.FormKey;
                facts["mw:dueIn"] = task.DueIn?.ToString();
                break;
            case ServiceTask service: facts["mw:action"] = service.Action; break;
            case ScriptTask script:
                facts["scriptFormat"] = script.ScriptFormat;
                facts["script"] = script.Script;
                break;
            case ReceiveTask receive: facts["message"] = receive.MessageName; break;
            case CallActivity call: facts["calledElement"] = call.CalledElement; break;
            case EndEvent end:
                facts["endKind"] = end.Kind == EndEventKind.None ? null : end.Kind.ToString();
                facts["errorCode"] = end.ErrorCode;
                break;
            case IntermediateCatchEvent catchEvent: facts["event"] = Describe(catchEvent.Definition); break;
            case BoundaryEvent boundary:
                facts["event"] = Describe(boundary.Definition);
                facts["attachedTo"] = boundary.AttachedTo.Id;
                facts["cancelActivity"] = boundary.CancelActivity ? "true" : "false";
                break;
        }
        if (node is Activity activity) AddActivityFacts(activity, facts);
        if (node is Gateway gateway) facts["default"] = gateway.DefaultFlow?.Id;
        return facts;
    }

    public static SortedDictionary<string, string?> Of(SequenceFlow flow) => new(StringComparer.Ordinal)
    {
        ["type"] = "sequenceFlow",
        ["name"] = flow.Name,
        ["source"] = flow.Source.Id,
        ["target"] = flow.Target.Id,
        ["condition"] = flow.Condition,
        ["default"] = flow.IsDefault ? "true" : null,
    };

    private static void AddActivityFacts(Activity activity, SortedDictionary<string, string?> facts)
    {
        facts["inputs"] = Mappings(activity.Inputs);
        facts["outputs"] = Mappings(activity.Outputs);
        facts["default"] = activity.DefaultFlow?.Id;
        if (activity.MultiInstance is not { } multi) return;
        facts["multiInstance"] = multi.IsSequential ? "sequential" : "parallel";
        facts["mw:collection"] = multi.Collection;
        facts["mw:elementVariable"] = multi.ElementVariable;
        facts["loopCardinality"] = multi.LoopCardinality;
        facts["completionCondition"] = multi.CompletionCondition;
    }

    private static string? Mappings(IReadOnlyList<IoMapping> mappings) => mappings.Count == 0
        ? null
        : string.Join("; ", mappings.Select(m => $"{m.Target}{(m.Append ? " +=" : " =")} {m.Source}"));

    /// <summary>The event definition in one line: <c>timer Duration P3D</c>, <c>message decisionTaken</c>, <c>error E1</c>.</summary>
    public static string Describe(EventDefinition definition) => definition switch
    {
        TimerDefinition timer => $"timer {timer.Kind} {timer.Value}",
        MessageDefinition message => $"message {message.MessageName}",
        ErrorDefinition error => $"error {error.ErrorCode ?? "*"}",
        _ => definition.GetType().Name,
    };
}
