using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MonitoringWorkflows.Web.Identity;

/// <summary>The second sign-in step for users with an authenticator app: the current six-digit code.</summary>
public sealed class SignInCodeModel(SignInManager<ApplicationUser> signIn, IStringLocalizer<IdentityText> text) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(20, ErrorMessage = "Validation_TooLong")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Identity/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        // The first step's short-lived cookie names the user; without it the password step comes again.
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("/Identity/SignIn");
        if (!ModelState.IsValid) return Page();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(AuthenticatorKey.NormalizeCode(Code), isPersistent: false, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError(nameof(Code), text[result.IsLockedOut ? "SignIn_LockedOut" : "SignInCode_Invalid"]);
        return Page();
    }
}
