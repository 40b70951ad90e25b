using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MonitoringWorkflows.Web.Identity;

/// <summary>The first sign-in step: e-mail and password; failures count towards the lockout.</summary>
public sealed class SignInModel(SignInManager<ApplicationUser> signIn, IStringLocalizer<IdentityText> text) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl);
        if (result.RequiresTwoFactor) return RedirectToPage("/Identity/SignInCode", new { ReturnUrl = SafeReturnUrl });
        // One message for an unknown e-mail and a wrong password, so the page does not tell who has an account.
        ModelState.AddModelError(string.Empty, text[result.IsLockedOut ? "SignIn_LockedOut" : "SignIn_Failed"]);
        return Page();
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Validation_Required")]
    [EmailAddress(ErrorMessage = "Validation_Email")]
    [StringLength(256, ErrorMessage = "Validation_TooLong")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_TooLong")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}
