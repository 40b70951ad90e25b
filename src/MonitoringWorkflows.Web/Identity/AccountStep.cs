using MonitoringWorkflows.Web.Organisation;

namespace MonitoringWorkflows.Web.Identity;

/// <summary>Something a signed-in user must do before the application lets them do anything else.</summary>
public enum AccountStep
{
    ChangePassword,
    SetUpTwoFactor,
}

internal static class AccountSteps
{
    /// <summary>The first step the user still owes: a temporary password goes first, then the second factor.</summary>
    public static AccountStep? Pending(ApplicationUser user, IEnumerable<string> roles, DemoOptions demo)
    {
        if (user.MustChangePassword) return AccountStep.ChangePassword;
        var exempt = demo.Enabled && user.IsDemo;
        if (!user.TwoFactorEnabled && !exempt && roles.Any(Roles.RequiringTwoFactor.Contains)) return AccountStep.SetUpTwoFactor;
        return null;
    }
}
