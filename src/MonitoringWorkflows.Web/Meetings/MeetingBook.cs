using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Meetings;

/// <summary>
/// Reads a district's meetings for its chair and secretary. A meeting of another district is answered like one that
/// does not exist (null), as cases are.
/// </summary>
public sealed class MeetingBook(WorkflowDbContext db, WaitingReviews waiting)
{
    public static bool MayUse(ClaimsPrincipal user) =>
        user.DistrictIdOf() is not null && (user.IsInRole(Roles.Chair) || user.IsInRole(Roles.Secretary));

    public async Task<MeetingList> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var district = user.DistrictIdOf();
        var rows = await db.Meetings.AsNoTracking().Where(m => m.DistrictId == district)
            .Select(m => new { m.Id, m.ScheduledAt, m.Place, m.Status, Items = m.Items.Count })
            .ToListAsync(cancellationToken);
        var upcoming = rows.Where(m => m.Status == MeetingStatus.Scheduled).OrderBy(m => m.ScheduledAt)
            .Select(m => new MeetingRow(m.Id, m.ScheduledAt, m.Place, m.Status.ToString(), m.Items)).ToList();
        var past = rows.Where(m => m.Status == MeetingStatus.Closed).OrderByDescending(m => m.ScheduledAt)
            .Select(m => new MeetingRow(m.Id, m.ScheduledAt, m.Place, m.Status.ToString(), m.Items)).ToList();
        return new MeetingList(upcoming, past);
    }

    /// <summary>The meeting if it belongs to the user's district; null otherwise, as for no such meeting.</summary>
    public Task<MeetingRecord?> FindRecordAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        var district = user.DistrictIdOf();
        return db.Meetings.AsNoTracking().Include(m => m.Items.OrderBy(i => i.Position)).ThenInclude(i => i.Actions)
            .Include(m => m.Attendance)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == id && m.DistrictId == district && district != null, cancellationToken);
    }

    public async Task<MeetingView?> FindAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        if (!MayUse(user) || await FindRecordAsync(user, id, cancellationToken) is not { } meeting) return null;
        var numbers = meeting.Items.Select(i => i.CaseNumber).ToList();
        var waits = meeting.Status == MeetingStatus.Closed ? new Dictionary<string, long>() : await waiting.ForCasesAsync(numbers, cancellationToken);
        var risks = await RisksAsync(numbers, cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Code).Select(a => a.Code).ToListAsync(cancellationToken);
        var attendance = agencies.Union(meeting.Attendance.Select(a => a.Agency))
            .Select(code => meeting.Attendance.FirstOrDefault(a => a.Agency == code) is { } a
                ? new AttendanceView(code, a.Present, a.Name) : new AttendanceView(code, false, null))
            .ToList();
        var items = meeting.Items.OrderBy(i => i.Position).Select(i => new AgendaItemView(i.Id, i.CaseNumber,
            i.Reasons.Split(',', StringSplitOptions.RemoveEmptyEntries), risks.GetValueOrDefault(i.CaseNumber),
            waits.ContainsKey(i.CaseNumber), i.Decision, i.Outcome,
            i.Actions.OrderBy(a => a.Id).Select(a => new ActionView(a.Id, a.Agency, a.Text, a.DueDate)).ToList(),
            i.Delivery, i.DeliveryNote)).ToList();
        return new MeetingView(meeting.Id, meeting.ScheduledAt, meeting.Place, meeting.Status.ToString(), meeting.CreatedBy,
            meeting.ClosedBy, meeting.ClosedAt, attendance, items);
    }

    private async Task<Dictionary<string, string?>> RisksAsync(List<string> numbers, CancellationToken cancellationToken)
    {
        var rows = await db.Cases.AsNoTracking().Where(c => numbers.Contains(c.Number))
            .Join(db.ProcessInstances, c => c.ProcessInstanceId, i => i.Id, (c, i) => new { c.Number, i.StateJson })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Number, r => RiskLevels.In(r.StateJson), StringComparer.Ordinal);
    }
}
