using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Monitoring;

/// <summary>
/// Which cases a monitoring read covers: one district's (chair, secretary) or every district's (administrators, who get
/// counts only). An instance's business key is its case number, which begins with its district's code and a hyphen
/// (<see cref="Cases.CaseIntake"/> numbers them so; codes are letters and digits only, unique), so a district's instances
/// are exactly one range of business keys (<see cref="Low"/> ≤ key &lt; <see cref="High"/>): an index range instead of
/// a join to the case per instance, which on a million cases cost more than everything else the dashboard reads.
/// </summary>
public sealed record DistrictScope(int? DistrictId, string Low, string High)
{
    public static readonly DistrictScope All = new(null, "", "\uffff");

    public bool IsAll => DistrictId is null;

    public static async Task<DistrictScope?> OfAsync(WorkflowDbContext db, int districtId, CancellationToken cancellationToken)
    {
        var code = await db.Districts.AsNoTracking().Where(d => d.Id == districtId).Select(d => d.Code).FirstOrDefaultAsync(cancellationToken);
        // '.' follows '-' in the character order: the range holds every key that starts with "CODE-".
        return code is null ? null : new DistrictScope(districtId, code + "-", code + ".");
    }
}
