namespace MonitoringWorkflows.Web.Identity;

/// <summary>
/// Sends a signed-in user who still owes a step (a new password, a second factor) to that step's page before
/// anything else; API calls get 403. Signing out and changing the language stay possible.
/// </summary>
internal static class AccountStepGate
{
    private static readonly string[] AlwaysOpen = [IdentityPaths.SignOut, IdentityPaths.SignIn, "/language"];

    public static IApplicationBuilder UseAccountStepGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.PendingStepOf() is not { } step || IsOpen(context.Request.Path, step))
        {
            await next(context);
            return;
        }
        if (IdentityPaths.IsApi(context.Request)) context.Response.StatusCode = StatusCodes.Status403Forbidden;
        else context.Response.Redirect(IdentityPaths.For(step));
    });

    private static bool IsOpen(PathString path, AccountStep step) =>
        path.StartsWithSegments(IdentityPaths.For(step)) || AlwaysOpen.Any(open => path.StartsWithSegments(open));
}
