using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Designer.Drafts;
using MonitoringWorkflows.Web.Identity;

namespace MonitoringWorkflows.Web.Designer.Versions;

/// <summary>
/// The published versions of one process: export each, compare two, migrate the instances of an old one, or restore
/// one as the draft (refused, with who saved last, when the draft changed since this page was shown).
/// </summary>
[Authorize(Policy = IdentityRegistration.AdministratorPolicy)]
public sealed class IndexModel(ProcessVersions versions, DraftStore drafts, IStringLocalizer<VersionToolsText> text) : PageModel
{
    public string Key { get; private set; } = "";
    public IReadOnlyList<VersionView> Versions { get; private set; } = [];

    /// <summary>The draft's revision as this page shows it (0: no draft); a restore names it.</summary>
    public int DraftRevision { get; private set; }
    public bool HasDraft { get; private set; }
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        Key = key;
        Versions = await versions.ListAsync(key, cancellationToken);
        var draft = await drafts.GetAsync(DefinitionKind.Process, key, cancellationToken);
        (HasDraft, DraftRevision) = draft is { IsDraft: true } ? (true, draft.Revision) : (false, 0);
        return Versions.Count == 0 ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(string key, int version, int expectedRevision, CancellationToken cancellationToken)
    {
        var outcome = await drafts.RestoreAsync(DefinitionKind.Process, key, version, User.Identity!.Name!, expectedRevision, cancellationToken);
        if (outcome.Saved is not null) return Redirect($"/designer/processes/{Uri.EscapeDataString(key)}");
        if (outcome.NotFound) return NotFound();
        var conflict = outcome.Conflict!;
        Conflict = text["Restore_Conflict", conflict.By ?? "—", conflict.At?.ToString("u") ?? "—"].Value;
        return await OnGetAsync(key, cancellationToken);
    }
}
