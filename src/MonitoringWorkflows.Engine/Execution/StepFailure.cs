namespace MonitoringWorkflows.Engine.Execution;

/// <summary>An expected kind of failure found while stepping (no route out of a gateway, an uncaught error…): becomes an incident.</summary>
internal sealed class StepFailure(string code, string? elementId, string message) : Exception(message)
{
    public string Code { get; } = code;
    public string? ElementId { get; } = elementId;
}

/// <summary>Codes of the incidents the executor raises.</summary>
internal static class IncidentCodes
{
    public const string NoRoute = "FLOW001";
    public const string NoStartEvent = "FLOW002";
    public const string EndlessLoop = "FLOW003";
    public const string UncaughtError = "ERROR001";
    public const string UnknownAction = "ACTION001";
    public const string ActionFailed = "ACTION002";
    public const string BadCollection = "MI001";
    public const string BadTimer = "TIMER001";
    public const string BadValue = "VALUE001";
    public const string Unexpected = "ENGINE001";
}
