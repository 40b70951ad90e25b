using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace MonitoringWorkflows.Web.Cases;

/// <summary>The checks data annotations cannot express: choices from their lists, victims, ages, dates and counts.</summary>
internal static class ReportCheck
{
    public const string Prefix = "Input.";

    public static void Run(ReportInput input, ModelStateDictionary state, IStringLocalizer<CasesText> text, DateOnly today)
    {
        if (input.Channel is { } channel && !ReportChoices.Channels.Contains(channel))
            state.AddModelError(Prefix + nameof(input.Channel), text["Error_Choice"]);
        if (input.PerpetratorRelation is { } relation && !ReportChoices.PerpetratorRelations.Contains(relation))
            state.AddModelError(Prefix + nameof(input.PerpetratorRelation), text["Error_Choice"]);
        if (input.ViolenceTypes.Count == 0)
            state.AddModelError(Prefix + nameof(input.ViolenceTypes), text["Error_NoViolenceType"]);
        else if (input.ViolenceTypes.Any(type => !ReportChoices.ViolenceTypes.Contains(type)))
            state.AddModelError(Prefix + nameof(input.ViolenceTypes), text["Error_Choice"]);
        CheckVictims(input, state, text);
        if (input.IncidentDate is { } date)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                state.AddModelError(Prefix + nameof(input.IncidentDate), text["Error_Date"]);
            else if (day > today)
                state.AddModelError(Prefix + nameof(input.IncidentDate), text["Error_FutureDate"]);
        }
        if (!string.IsNullOrWhiteSpace(input.IncidentsLast12Months) && IncidentCount(input) is null)
            state.AddModelError(Prefix + nameof(input.IncidentsLast12Months), text["Error_Count"]);
    }

    public static int? Age(VictimInput victim) => Age(victim.Age);

    public static int? Age(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var age) && age <= ReportChoices.MaxAge ? age : null;

    public static int? IncidentCount(ReportInput input) =>
        int.TryParse(input.IncidentsLast12Months, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= 1000
            ? count : null;

    private static void CheckVictims(ReportInput input, ModelStateDictionary state, IStringLocalizer<CasesText> text)
    {
        if (input.Victims.All(v => v.IsBlank))
        {
            state.AddModelError(Prefix + nameof(input.Victims), text["Error_NoVictim"]);
            return;
        }
        for (var i = 0; i < input.Victims.Count; i++)
        {
            var victim = input.Victims[i];
            if (victim.IsBlank) continue;
            var field = $"{Prefix}{nameof(input.Victims)}[{i}].";
            if (Age(victim) is null) state.AddModelError(field + nameof(victim.Age), text["Error_Age", ReportChoices.MaxAge]);
            if (!ReportChoices.Sexes.Contains(victim.Sex ?? "")) state.AddModelError(field + nameof(victim.Sex), text["Error_Choice"]);
        }
    }
}
