using Microsoft.Extensions.Localization;

namespace MonitoringWorkflows.Web.Meetings;

/// <summary>Field checks of the meeting forms and API bodies; messages in the user's language, keyed by field name.</summary>
public sealed class MeetingChecks(IStringLocalizer<MeetingsText> text)
{
    public Dictionary<string, string[]> Schedule(ScheduleRequest request, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Date is not { } date) errors[nameof(request.Date)] = [text["Error_DateRequired"]];
        else if (date < today) errors[nameof(request.Date)] = [text["Error_DateInPast"]];
        if (string.IsNullOrWhiteSpace(request.Place)) errors[nameof(request.Place)] = [text["Error_PlaceRequired"]];
        else if (request.Place.Trim().Length > MeetingLimits.Place) errors[nameof(request.Place)] = [text["Error_TooLong"]];
        return errors;
    }

    public Dictionary<string, string[]> Attendance(AttendanceRequest request, IReadOnlySet<string> agencies)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < request.Agencies.Count; i++)
        {
            var entry = request.Agencies[i];
            if (entry.Agency is null || !agencies.Contains(entry.Agency)) errors[$"Agencies[{i}].Agency"] = [text["Error_UnknownAgency"]];
            if (entry.Name?.Trim().Length > MeetingLimits.Name) errors[$"Agencies[{i}].Name"] = [text["Error_TooLong"]];
        }
        return errors;
    }

    public Dictionary<string, string[]> Decision(DecisionRequest request, IReadOnlySet<string> agencies, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Outcome is null || !DecisionOutcomes.All.Contains(request.Outcome))
            errors[nameof(request.Outcome)] = [text["Error_OutcomeRequired"]];
        if (string.IsNullOrWhiteSpace(request.Decision) && request.Outcome != DecisionOutcomes.Postponed)
            errors[nameof(request.Decision)] = [text["Error_DecisionRequired"]];
        else if (request.Decision?.Trim().Length > MeetingLimits.Decision) errors[nameof(request.Decision)] = [text["Error_TooLong"]];
        var actions = request.Actions.Select((action, index) => (action, index)).Where(a => !a.action.IsBlank).ToList();
        if (request.Outcome == DecisionOutcomes.Actions && actions.Count == 0) errors[nameof(request.Actions)] = [text["Error_ActionsRequired"]];
        if (request.Outcome == DecisionOutcomes.Postponed && actions.Count > 0) errors[nameof(request.Actions)] = [text["Error_PostponedWithActions"]];
        foreach (var (action, i) in actions) Action(action, $"Actions[{i}]", agencies, today, errors);
        return errors;
    }

    public void Action(ActionRequest action, string prefix, IReadOnlySet<string> agencies, DateOnly today, Dictionary<string, string[]> errors)
    {
        if (action.Agency is null || !agencies.Contains(action.Agency)) errors[$"{prefix}.Agency"] = [text["Error_UnknownAgency"]];
        if (string.IsNullOrWhiteSpace(action.Text)) errors[$"{prefix}.Text"] = [text["Error_ActionTextRequired"]];
        else if (action.Text.Trim().Length > MeetingLimits.ActionText) errors[$"{prefix}.Text"] = [text["Error_TooLong"]];
        if (action.DueDate is not { } due) errors[$"{prefix}.DueDate"] = [text["Error_DueDateRequired"]];
        else if (due <= today) errors[$"{prefix}.DueDate"] = [text["Error_DueDateNotFuture"]];
    }
}
