using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Localization;

namespace MonitoringWorkflows.Web.Cases;

/// <summary>
/// The report form's checks for a report posted as JSON to the API: the same annotations and the same
/// <see cref="ReportCheck"/>, with the same messages, keyed by field name without the form's <c>Input.</c> prefix.
/// </summary>
internal static class ReportApiCheck
{
    public static Dictionary<string, string[]> Errors(
        ReportInput input, IStringLocalizer<SharedText> shared, IStringLocalizer<CasesText> text, DateOnly today)
    {
        var state = new ModelStateDictionary();
        foreach (var property in typeof(ReportInput).GetProperties())
        {
            var value = property.GetValue(input);
            var failed = property.GetCustomAttributes<ValidationAttribute>().FirstOrDefault(a => !a.IsValid(value));
            if (failed is null) continue;
            var max = (failed as StringLengthAttribute)?.MaximumLength ?? 0;
            state.AddModelError(ReportCheck.Prefix + property.Name, shared[failed.ErrorMessage!, property.Name, max]);
        }
        ReportCheck.Run(input, state, text, today);
        return state.Where(entry => entry.Value is { Errors.Count: > 0 })
            .ToDictionary(entry => FieldOf(entry.Key), entry => entry.Value!.Errors.Select(e => e.ErrorMessage).ToArray());
    }

    private static string FieldOf(string key) =>
        key.StartsWith(ReportCheck.Prefix, StringComparison.Ordinal) ? key[ReportCheck.Prefix.Length..] : key;
}
