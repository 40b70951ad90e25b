using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MonitoringWorkflows.Web.Identity;

/// <summary>
/// Two-factor setup with an authenticator app: the shared key and its otpauth address are shown as text, and a
/// code from the app turns two-factor sign-in on. Resetting the key turns it off until a new code is confirmed.
/// </summary>
public sealed class TwoFactorModel(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IStringLocalizer<IdentityText> text) : PageModel
{
    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public bool Required => User.PendingStepOf() == AccountStep.SetUpTwoFactor;

    [BindProperty]
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(20, ErrorMessage = "Validation_TooLong")]
    public string Code { get; set; } = "";

    public async Task OnGetAsync()
    {
        ModelState.Clear();
        await LoadAsync(await CurrentUserAsync());
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await CurrentUserAsync();
        if (ModelState.IsValid && await users.VerifyTwoFactorTokenAsync(
                user, users.Options.Tokens.AuthenticatorTokenProvider, AuthenticatorKey.NormalizeCode(Code)))
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            await signIn.RefreshSignInAsync(user);
            TempData["Status"] = text["TwoFactor_Done"].Value;
            return RedirectToPage("/Dashboard/Index");
        }
        if (ModelState.IsValid) ModelState.AddModelError(nameof(Code), text["TwoFactor_InvalidCode"]);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync()
    {
        var user = await CurrentUserAsync();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    private async Task LoadAsync(ApplicationUser user)
    {
        Enabled = user.TwoFactorEnabled;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was stored.");
        }
        SharedKey = AuthenticatorKey.Format(key);
        AuthenticatorUri = AuthenticatorKey.Uri(user.Email ?? user.UserName ?? user.Id, key);
    }

    private async Task<ApplicationUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
}
