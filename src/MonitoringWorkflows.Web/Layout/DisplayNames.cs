using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Localization;

namespace MonitoringWorkflows.Web.Layout;

/// <summary>Names of roles and agencies in the user's language.</summary>
public static class DisplayNames
{
    public static string Role(this IStringLocalizer<SharedText> text, string role) => Or(text[$"Role_{role}"], role);

    /// <summary>A member agency's translated name; an agency an administrator added shows the name it was given.</summary>
    public static string Agency(this IStringLocalizer<SharedText> text, string code, string? name) =>
        Or(text[$"Agency_{code}"], name ?? code);

    private static string Or(LocalizedString localized, string fallback) => localized.ResourceNotFound ? fallback : localized.Value;
}
