using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MonitoringWorkflows.Web.Designer.Drafts;
using MonitoringWorkflows.Web.Identity;

namespace MonitoringWorkflows.Web.Designer;

/// <summary>The process designer's page: the script does the work through /api/designer; the page names the definition.</summary>
[Authorize(Policy = IdentityRegistration.AdministratorPolicy)]
public sealed class ProcessModel(DraftStore drafts) : PageModel
{
    public DraftView Draft { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (await drafts.GetAsync(DefinitionKind.Process, key, cancellationToken) is not { } draft) return NotFound();
        Draft = draft;
        return Page();
    }
}
