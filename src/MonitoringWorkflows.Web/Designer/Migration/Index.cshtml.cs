using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MonitoringWorkflows.Web.Designer.Versions;
using MonitoringWorkflows.Web.Identity;

namespace MonitoringWorkflows.Web.Designer.Migration;

/// <summary>
/// Migration of running instances: without a version, the versions that still have instances; with one, the preview
/// against the newest version, a checkbox per instance, and the result once confirmed.
/// </summary>
[Authorize(Policy = IdentityRegistration.AdministratorPolicy)]
public sealed class IndexModel(ProcessVersions versions, InstanceMigration migration) : PageModel
{
    public string Key { get; private set; } = "";
    public IReadOnlyList<VersionView> Versions { get; private set; } = [];
    public MigrationPreview? Preview { get; private set; }
    public MigrationResult? Result { get; private set; }
    public bool Stale { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, int? from, CancellationToken cancellationToken)
    {
        Key = key;
        Versions = await versions.ListAsync(key, cancellationToken);
        if (Versions.Count == 0) return NotFound();
        if (from is { } version) Preview = await migration.PreviewAsync(key, version, cancellationToken);
        return from is not null && Preview is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, int from, int to, List<long> instanceIds, CancellationToken cancellationToken)
    {
        // Nothing chosen: back to the preview, as if the form had not been sent.
        if (instanceIds.Count == 0) return RedirectToPage(new { key, from = from == 0 ? (int?)null : from });
        Result = await migration.MigrateAsync(key, new MigrationRequest(from, to, instanceIds), User.Identity!.Name!, cancellationToken);
        Stale = Result is null;
        return await OnGetAsync(key, from, cancellationToken);
    }
}
