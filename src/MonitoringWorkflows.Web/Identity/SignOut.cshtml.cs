using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MonitoringWorkflows.Web.Identity;

/// <summary>Signing out is a form post (a link could be triggered by another site); GET only offers the button.</summary>
public sealed class SignOutModel(SignInManager<ApplicationUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Identity/SignIn");
    }
}
