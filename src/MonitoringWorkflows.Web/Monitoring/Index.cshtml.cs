using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Inbox;
using MonitoringWorkflows.Web.Layout;
using MonitoringWorkflows.Web.Localization;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Monitoring;

/// <summary>The chair's dashboard: the district's figures, each a link to its case list; the months also as a chart.</summary>
[Authorize(Roles = MonitoringApi.DistrictRoles)]
public sealed class IndexModel(WorkflowDbContext db, DashboardFigures figures, IStringLocalizer<InboxText> steps,
    IStringLocalizer<SharedText> shared) : PageModel
{
    public DashboardData Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await MonitoringApi.ScopeOfAsync(User, db, cancellationToken) is not { IsAll: false } scope) return Forbid();
        Data = await figures.ForDistrictAsync(scope, steps.StepName, a => shared.Agency(a, null), cancellationToken);
        return Page();
    }
}
