using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Localization;

namespace MonitoringWorkflows.Web.Layout;

public static class PagesRegistration
{
    /// <summary>
    /// Razor Pages found in the feature folders (<c>Identity/</c>, <c>Organisation/</c>, <c>Dashboard/</c>…) rather than
    /// in one Pages folder. Every page needs a signed-in user except the two sign-in steps; the organisation pages
    /// need an administrator. Forms are protected against cross-site posts by Razor Pages' antiforgery check.
    /// </summary>
    public static IServiceCollection AddApplicationPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/";
            options.Conventions.AuthorizeFolder("/");
            options.Conventions.AllowAnonymousToPage("/Identity/SignIn");
            options.Conventions.AllowAnonymousToPage("/Identity/SignInCode");
            options.Conventions.AuthorizeFolder("/Organisation", IdentityRegistration.AdministratorPolicy);
        })
        .AddViewLocalization()
        .AddDataAnnotationsLocalization(options =>
            options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedText)));
        services.AddAntiforgery(options => options.Cookie.Name = "mw.antiforgery");
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        // Azerbaijani and Russian text is written as characters, not as numeric entities (still HTML-encoded where needed).
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    /// <summary>The request pipeline in front of the pages and the API: files, language, sign-in, authorization.</summary>
    public static WebApplication UseApplicationPages(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseAccessDeniedPage();
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAccountStepGate();
        app.UseAntiforgery();
        return app;
    }

    public static IEndpointRouteBuilder MapApplicationPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorPages();
        endpoints.MapLanguageSwitch();
        return endpoints;
    }
}
