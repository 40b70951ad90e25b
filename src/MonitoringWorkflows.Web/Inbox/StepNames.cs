using Microsoft.Extensions.Localization;

namespace MonitoringWorkflows.Web.Inbox;

/// <summary>A step's name in the user's language for the shipped processes; the BPMN name for any other.</summary>
public static class StepNames
{
    public static string StepName(this IStringLocalizer<InboxText> text, string elementId, string? bpmnName) =>
        text[$"Step_{elementId}"] is { ResourceNotFound: false } localized ? localized.Value : bpmnName ?? elementId;
}
