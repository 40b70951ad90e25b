using System.Globalization;

namespace MonitoringWorkflows.Web.Localization;

/// <summary>The interface languages: Azerbaijani (Latin) first and by default, then English and Russian.</summary>
public static class UiCultures
{
    public const string Azerbaijani = "az-Latn-AZ";
    public const string English = "en-GB";
    public const string Russian = "ru-RU";

    public static readonly IReadOnlyList<string> All = [Azerbaijani, English, Russian];

    public static IList<CultureInfo> Cultures() => All.Select(CultureInfo.GetCultureInfo).ToList();

    /// <summary>What the switcher shows for a language: its own name for itself.</summary>
    public static string NativeName(string culture) => culture switch
    {
        Azerbaijani => "Azərbaycanca",
        English => "English",
        Russian => "Русский",
        _ => culture,
    };
}
