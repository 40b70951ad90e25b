using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MonitoringWorkflows.Web.Identity;

/// <summary>Changing one's password; the first thing a user with a temporary password is sent to.</summary>
public sealed class ChangePasswordModel(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IStringLocalizer<IdentityText> text) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public bool Required => User.PendingStepOf() == AccountStep.ChangePassword;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? "Input.CurrentPassword" : "Input.NewPassword", error.Description);
            return Page();
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        // The principal is rebuilt, so the pending step disappears (or the next one, a second factor, appears).
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = text["ChangePassword_Done"].Value;
        return RedirectToPage("/Dashboard/Index");
    }
}

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_TooLong")]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_TooLong")]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Validation_Required")]
    [Compare(nameof(NewPassword), ErrorMessage = "Validation_PasswordsDiffer")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";
}
