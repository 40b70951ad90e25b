using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace MonitoringWorkflows.Web.Localization;

public static class LocalizationRegistration
{
    public const string SwitchPath = "/language";

    /// <summary>Resource-file localization; the language is the user's choice kept in a cookie, Azerbaijani until they choose.</summary>
    public static IServiceCollection AddUiLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(UiCultures.Azerbaijani);
            options.SupportedCultures = UiCultures.Cultures();
            options.SupportedUICultures = UiCultures.Cultures();
            // Only the switcher's cookie: a browser's language does not override the Azerbaijani default.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
            LocalizeBindingMessages(options, factory.Create(typeof(SharedText))));
        return services;
    }

    /// <summary>POST /language: remembers the chosen language for a year and returns to the page it was chosen on.</summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SwitchPath, ([FromForm] string culture, [FromForm] string? returnUrl, HttpContext http) =>
        {
            if (!UiCultures.All.Contains(culture)) return Results.BadRequest();
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().ExcludeFromDescription(); // a page form, not part of the API
        return endpoints;
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    // Model binding's own messages (a number that is not one, a missing value) in the user's language.
    private static void LocalizeBindingMessages(MvcOptions options, IStringLocalizer text)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueIsInvalidAccessor(_ => text["Validation_Invalid"]);
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => text["Validation_Invalid"]);
        messages.SetUnknownValueIsInvalidAccessor(_ => text["Validation_Invalid"]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => text["Validation_Invalid"]);
        messages.SetValueMustBeANumberAccessor(_ => text["Validation_Number"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Validation_Number"]);
        messages.SetValueMustNotBeNullAccessor(_ => text["Validation_Required"]);
        messages.SetMissingBindRequiredValueAccessor(_ => text["Validation_Required"]);
        messages.SetMissingKeyOrValueAccessor(() => text["Validation_Required"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Validation_Required"]);
    }
}
