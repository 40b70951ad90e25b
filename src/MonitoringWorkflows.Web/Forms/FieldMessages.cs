using System.Globalization;
using Microsoft.Extensions.Localization;

namespace MonitoringWorkflows.Web.Forms;

/// <summary>Field errors as messages in the user's language, keyed by the form component's key (what form-js shows them on).</summary>
public static class FieldMessages
{
    public static string Message(this IStringLocalizer<FormsText> text, FieldError error) =>
        text[$"Error_{error.Problem}", error.Limit?.ToString("0.##", CultureInfo.CurrentCulture) ?? ""];

    public static Dictionary<string, string[]> ByKey(this IStringLocalizer<FormsText> text, IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(text.Message).ToArray());
}
