using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Cases;

/// <summary>
/// What the registrar sees after saving: the case number and where the case went (the open step of its process).
/// Only registrars of the case's district see it; any other number answers 404, so a number reveals nothing.
/// </summary>
[Authorize(Roles = Roles.Registrar)]
public sealed class RegisteredModel(WorkflowDbContext db) : PageModel
{
    public CaseRecord Case { get; private set; } = null!;
    public ReportInput Report { get; private set; } = new();

    /// <summary>The agencies (or roles) the process now waits for.</summary>
    public IReadOnlyList<UserTaskRecord> OpenSteps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        var districtId = User.DistrictIdOf();
        var found = await db.Cases.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Number == number && c.DistrictId == districtId, cancellationToken);
        if (found is null) return NotFound();
        Case = found;
        Report = found.ReadReport();
        if (found.ProcessInstanceId is { } instanceId)
            OpenSteps = await db.UserTasks.AsNoTracking()
                .Where(t => t.InstanceId == instanceId && t.Status == UserTaskStatus.Open)
                .OrderBy(t => t.Id)
                .ToListAsync(cancellationToken);
        return Page();
    }
}
