using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MonitoringWorkflows.Web.Identity;

namespace MonitoringWorkflows.Web.Designer.Versions;

/// <summary>Two versions side by side, with the elements added, removed and changed marked on both and listed below.</summary>
[Authorize(Policy = IdentityRegistration.AdministratorPolicy)]
public sealed class DiffModel(ProcessVersions versions) : PageModel
{
    public VersionDiff Diff { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string key, int? from, int? to, CancellationToken cancellationToken)
    {
        if (from is null || to is null) return RedirectToPage("/Designer/Versions/Index", new { key });
        var diff = await versions.DiffAsync(key, from.Value, to.Value, cancellationToken);
        if (diff is null) return NotFound();
        Diff = diff;
        return Page();
    }
}
