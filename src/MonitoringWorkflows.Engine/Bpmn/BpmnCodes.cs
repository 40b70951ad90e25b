namespace MonitoringWorkflows.Engine.Bpmn;

/// <summary>
/// Every diagnostic code the reader (<see cref="BpmnReader"/>) and the validator
/// (<see cref="Validation.DefinitionValidator"/>) give. A code keeps its meaning forever: the designer, the API's
/// problem details and tests rely on it. BPMN001–BPMN018 come mostly from the reader, BPMN020 and up from the
/// validator; BPMN012 (a validator check) keeps the number the design document gave it, and BPMN031 comes from
/// both (the reader cannot build a timer without a time; a model built in code can still hold an empty one).
/// </summary>
public static class BpmnCodes
{
    // The file as XML.

    /// <summary>The file is empty, not well-formed XML, or in an encoding that cannot be read.</summary>
    public const string NotWellFormedXml = "BPMN001";

    /// <summary>The file declares a DTD (<c>&lt;!DOCTYPE</c>) or entities, which are refused for security.</summary>
    public const string DtdProhibited = "BPMN002";

    /// <summary>Two elements share one id.</summary>
    public const string DuplicateId = "BPMN003";

    /// <summary>The file is over the size limit (5 MB).</summary>
    public const string DocumentTooLarge = "BPMN004";

    /// <summary>The root element is not BPMN 2.0 <c>definitions</c> in the BPMN model namespace.</summary>
    public const string NotBpmn = "BPMN005";

    /// <summary>A namespace prefix is used (in an element, an attribute or an <c>xsi:type</c>) but never declared.</summary>
    public const string UndeclaredPrefix = "BPMN006";

    // The file as BPMN.

    /// <summary>The definitions contain no process, so there is nothing to run.</summary>
    public const string NoProcess = "BPMN007";

    /// <summary>A reference (sourceRef, targetRef, attachedToRef, default, messageRef, errorRef, processRef, bpmnElement…) names no element.</summary>
    public const string DanglingReference = "BPMN008";

    /// <summary>A required attribute or child is missing (a boundary event without attachedToRef, a catch event without definition…).</summary>
    public const string MissingRequiredPart = "BPMN009";

    /// <summary>A BPMN element or event definition outside the engine's supported subset.</summary>
    public const string UnsupportedElement = "BPMN010";

    /// <summary>An element that BPMN does not allow at that place (or that is not BPMN at all).</summary>
    public const string UnknownElement = "BPMN011";

    /// <summary>A user task names neither an agency nor a role, so nobody would see it.</summary>
    public const string UserTaskWithoutAssignee = "BPMN012";

    /// <summary>A sequence flow or boundary event connects elements of different containers (process and sub-process).</summary>
    public const string CrossesContainer = "BPMN013";

    /// <summary>A script or condition is written in a language other than JavaScript.</summary>
    public const string UnsupportedLanguage = "BPMN014";

    /// <summary>The diagram (BPMN DI) is broken: a shape without its element, or two shapes for one element.</summary>
    public const string InvalidDiagram = "BPMN015";

    /// <summary>Warning: an attribute or element of our mw namespace that the engine does not read at that place.</summary>
    public const string UnknownExtension = "BPMN016";

    /// <summary>A reference names an element of the wrong kind or place (a default flow that does not leave its gateway…).</summary>
    public const string InvalidReference = "BPMN017";

    /// <summary>Warning: a message without name or an error without errorCode; its id is used instead.</summary>
    public const string NameFallsBackToId = "BPMN018";

    /// <summary>Warning: execution settings of another engine (Camunda, Zeebe, Activiti, Flowable) that ours does not read.</summary>
    public const string ForeignExecutionSettings = "BPMN019";

    // Executability (the validator).

    /// <summary>A process or sub-process has no none start event, or more than one.</summary>
    public const string StartEventCount = "BPMN020";

    /// <summary>A start or boundary event has an incoming sequence flow.</summary>
    public const string IncomingNotAllowed = "BPMN021";

    /// <summary>An end event has an outgoing sequence flow.</summary>
    public const string OutgoingFromEnd = "BPMN022";

    /// <summary>An exclusive or inclusive gateway with several outgoing flows has a flow with neither condition nor default.</summary>
    public const string FlowWithoutCondition = "BPMN023";

    /// <summary>A default flow has a condition, which is never evaluated.</summary>
    public const string DefaultFlowWithCondition = "BPMN024";

    /// <summary>A user task shows a form that does not exist.</summary>
    public const string UnknownFormKey = "BPMN025";

    /// <summary>A service task names no action.</summary>
    public const string MissingServiceAction = "BPMN026";

    /// <summary>A service task names an action the engine does not have.</summary>
    public const string UnknownServiceAction = "BPMN027";

    /// <summary>A user task names an agency or role that does not exist.</summary>
    public const string UnknownAgencyOrRole = "BPMN028";

    /// <summary>An expression, condition, script or mapping does not parse as JavaScript.</summary>
    public const string ExpressionSyntax = "BPMN029";

    /// <summary>A timer or due date literal is not a valid ISO 8601 duration, date or cycle.</summary>
    public const string InvalidTimer = "BPMN030";

    /// <summary>A timer has no timeDuration, timeDate or timeCycle (or an empty one).</summary>
    public const string TimerWithoutDefinition = "BPMN031";

    /// <summary>No path leads from the none start event to this node.</summary>
    public const string Unreachable = "BPMN032";

    /// <summary>A node other than an end event has no outgoing flow, so its token would stop there.</summary>
    public const string DeadEnd = "BPMN033";

    /// <summary>A call activity names a process that is neither in the file nor published.</summary>
    public const string UnknownCalledProcess = "BPMN034";

    /// <summary>A call activity calls its own process.</summary>
    public const string CallsItself = "BPMN035";

    /// <summary>Call activities form a cycle across processes (A calls B calls A).</summary>
    public const string CallCycle = "BPMN036";

    /// <summary>A multi-instance activity has neither a collection nor a loop cardinality.</summary>
    public const string MultiInstanceWithoutItems = "BPMN037";

    /// <summary>A script task has no script.</summary>
    public const string ScriptMissing = "BPMN038";

    /// <summary>A flow leaving a parallel gateway or an event has a condition, which is never evaluated.</summary>
    public const string ConditionIgnored = "BPMN039";
}
