using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MonitoringWorkflows.Web.Designer.Drafts;
using MonitoringWorkflows.Web.Identity;

namespace MonitoringWorkflows.Web.Designer;

/// <summary>
/// A designer's page (process or form): the script does the work through /api/designer; the page names the definition
/// and answers 404 for a key that has none.
/// </summary>
[Authorize(Policy = IdentityRegistration.AdministratorPolicy)]
public abstract class DesignerPageModel(DraftStore drafts, DefinitionKind kind) : PageModel
{
    public DraftView Draft { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (await drafts.GetAsync(kind, key, cancellationToken) is not { } draft) return NotFound();
        Draft = draft;
        return Page();
    }
}
