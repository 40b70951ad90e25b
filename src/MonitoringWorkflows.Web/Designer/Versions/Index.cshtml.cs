using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MonitoringWorkflows.Web.Identity;

namespace MonitoringWorkflows.Web.Designer.Versions;

/// <summary>The published versions of one process: export each, compare two, migrate the instances of an old one.</summary>
[Authorize(Policy = IdentityRegistration.AdministratorPolicy)]
public sealed class IndexModel(ProcessVersions versions) : PageModel
{
    public string Key { get; private set; } = "";
    public IReadOnlyList<VersionView> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        Key = key;
        Versions = await versions.ListAsync(key, cancellationToken);
        return Versions.Count == 0 ? NotFound() : Page();
    }
}
