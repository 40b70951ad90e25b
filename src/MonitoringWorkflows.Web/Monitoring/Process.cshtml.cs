using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MonitoringWorkflows.Web.Monitoring;

/// <summary>The process monitor: the chooser of definition versions, or one version's diagram with its counts drawn on it.</summary>
[Authorize(Roles = MonitoringApi.MonitorRoles)]
public sealed class ProcessModel(ProcessMonitor monitor) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    public IReadOnlyList<MonitoredVersion> Versions { get; private set; } = [];

    public MonitoredVersion? Shown { get; private set; }

    /// <summary>Administrators see counts over all districts but no list of cases.</summary>
    public bool ListsCases => User.IsInRole(Organisation.Roles.Chair) || User.IsInRole(Organisation.Roles.Secretary);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Versions = await monitor.VersionsAsync(cancellationToken);
        if (Key is null) return Page();
        Shown = Versions.FirstOrDefault(v => v.Key == Key && v.Version == Version);
        return Shown is null ? NotFound() : Page();
    }
}
