using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Monitoring;

/// <summary>
/// Which cases a monitoring read covers: one district's (chair, secretary) or every district's (administrators, who get
/// counts only). Case numbers begin with their district's code and a hyphen, so a district's instances are one range of
/// business keys (<see cref="Low"/> ≤ key &lt; <see cref="High"/>): an index seek instead of a join per instance. The
/// range only narrows the search; the case's district is still checked.
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
