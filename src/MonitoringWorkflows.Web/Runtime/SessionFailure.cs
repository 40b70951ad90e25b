using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Runtime;

/// <summary>Why a unit of work stopped: an incident or a rejection from the engine, or an exception while applying it.</summary>
internal sealed record SessionFailure(ProcessInstanceRecord Instance, string ProcessKey, string Code, string? ElementId,
    string Message, bool IsRejection = false)
{
    public static SessionFailure From(ProcessInstanceRecord instance, string processKey, Incident incident) =>
        new(instance, processKey, incident.Code, incident.ElementId, incident.Message);

    public static SessionFailure From(ProcessInstanceRecord instance, string processKey, Rejection rejection) =>
        new(instance, processKey, rejection.Code, null, rejection.Message, IsRejection: true);
}

/// <summary>A failure the runner finds while applying effects (a called process with no published version…).</summary>
internal sealed class RunnerIncidentException(string code, string? elementId, string message) : Exception(message)
{
    public string Code { get; } = code;
    public string? ElementId { get; } = elementId;
}

internal static class RunnerIncidentCodes
{
    public const string NoPublishedVersion = "CALL001";
    public const string CalledProcessFailed = "CALL002";
    public const string Exception = "HOST001";
}
