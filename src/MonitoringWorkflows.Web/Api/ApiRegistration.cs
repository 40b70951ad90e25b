using Microsoft.AspNetCore.Antiforgery;
using MonitoringWorkflows.Web.Identity;
using Scalar.AspNetCore;

namespace MonitoringWorkflows.Web.Api;

/// <summary>
/// The REST API under <c>/api</c>: the same cookie sign-in and the same rules as the pages, errors as problem details
/// (RFC 9457), described by OpenAPI at <c>/openapi/v1.json</c> and browsable at <c>/api/docs</c>.
/// Each feature maps its own endpoints onto the group <see cref="MapApplicationApi"/> hands it.
/// </summary>
public static class ApiRegistration
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string BrowserPath = "/api/docs";

    /// <summary>The header a state-changing API call carries its antiforgery token in (pages put it in a meta tag).</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static IServiceCollection AddApplicationApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddAntiforgery(options => options.HeaderName = AntiforgeryHeader);
        return services;
    }

    /// <summary>
    /// Unhandled failures and bare status codes (401, 403, 404…) under <c>/api</c> are answered as problem details;
    /// the pages keep their own error and access-denied pages.
    /// </summary>
    public static WebApplication UseApiProblemDetails(this WebApplication app)
    {
        app.UseWhen(context => IdentityPaths.IsApi(context.Request), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        return app;
    }

    /// <summary>
    /// The <c>/api</c> group every feature adds its endpoints to: signed-in users only, and an antiforgery token
    /// on every call that changes something, since the API shares the pages' sign-in cookie.
    /// </summary>
    public static RouteGroupBuilder MapApplicationApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(DocumentPath).AllowAnonymous();
        endpoints.MapScalarApiReference(BrowserPath, options => options
            .WithTitle("MonitoringWorkflows API")
            .WithOpenApiRoutePattern(DocumentPath)).AllowAnonymous();

        var api = endpoints.MapGroup("/api").RequireAuthorization();
        api.AddEndpointFilter(RequireAntiforgeryOnChanges);
        api.MapGet("/antiforgery", GetAntiforgeryToken)
            .WithSummary("An antiforgery token for the signed-in session, to send in the X-CSRF-TOKEN header of POST, PUT and DELETE calls.");
        return api;
    }

    private static AntiforgeryToken GetAntiforgeryToken(HttpContext context, IAntiforgery antiforgery) =>
        new(antiforgery.GetAndStoreTokens(context).RequestToken!, AntiforgeryHeader);

    private static async ValueTask<object?> RequireAntiforgeryOnChanges(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) return await next(invocation);
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Missing or invalid antiforgery token",
                detail: $"Send the token from GET /api/antiforgery in the {AntiforgeryHeader} header.");
        }
        return await next(invocation);
    }
}

public sealed record AntiforgeryToken(string Token, string HeaderName);
