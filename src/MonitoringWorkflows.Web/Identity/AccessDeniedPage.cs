using Microsoft.AspNetCore.Http.Features;

namespace MonitoringWorkflows.Web.Identity;

/// <summary>
/// Gives a page request refused with 403 the access-denied page as its body, keeping the address and the status.
/// The page is run as a GET, so a refused form post is not re-validated as a post to another page.
/// </summary>
internal static class AccessDeniedPage
{
    public static IApplicationBuilder UseAccessDeniedPage(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (http.Response.StatusCode != StatusCodes.Status403Forbidden || IdentityPaths.IsApi(http.Request)) return;
            var (path, query, method) = (http.Request.Path, http.Request.QueryString, http.Request.Method);
            var routeValues = http.Features.Get<IRouteValuesFeature>();
            http.SetEndpoint(null);
            http.Features.Set<IRouteValuesFeature?>(null);
            (http.Request.Path, http.Request.QueryString, http.Request.Method) = (IdentityPaths.AccessDenied, QueryString.Empty, HttpMethods.Get);
            try
            {
                await context.Next(http);
            }
            finally
            {
                (http.Request.Path, http.Request.QueryString, http.Request.Method) = (path, query, method);
                http.Features.Set(routeValues);
            }
        });
}
