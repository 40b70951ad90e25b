namespace MonitoringWorkflows.Web.Identity;

/// <summary>The addresses of the identity pages, for the places that need a path rather than a page name.</summary>
public static class IdentityPaths
{
    public const string SignIn = "/identity/sign-in";
    public const string SignInCode = "/identity/sign-in/code";
    public const string SignOut = "/identity/sign-out";
    public const string ChangePassword = "/identity/password";
    public const string TwoFactor = "/identity/two-factor";
    public const string AccessDenied = "/identity/access-denied";

    /// <summary>API callers get status codes, never a redirect to a page.</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    public static string For(AccountStep step) => step switch
    {
        AccountStep.ChangePassword => ChangePassword,
        AccountStep.SetUpTwoFactor => TwoFactor,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}
