using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.Meetings;

/// <summary>
/// The secretary's (and the chair's) changes to a meeting while it is open: scheduling with the proposed agenda,
/// adjusting the agenda, attendance and decisions. Every change raises the meeting's revision, so a change that races
/// the closing of the minutes is refused like one made after it.
/// </summary>
public sealed class MeetingEditor(
    WorkflowDbContext db, AgendaProposal proposal, MeetingChecks checks, WriteGate writes, TimeProvider time,
    IStringLocalizer<MeetingsText> text)
{
    private DateOnly Today => DateOnly.FromDateTime(AzerbaijanTime.Of(time.GetUtcNow()).DateTime);

    public async Task<MeetingChange> ScheduleAsync(ClaimsPrincipal user, ScheduleRequest request, CancellationToken cancellationToken)
    {
        if (!MeetingBook.MayUse(user)) return MeetingChange.NotFound;
        var errors = checks.Schedule(request, Today);
        if (errors.Count > 0) return MeetingChange.Invalid(errors);
        var local = request.Date!.Value.ToDateTime(request.Time ?? new TimeOnly(10, 0));
        var meeting = new MeetingRecord
        {
            DistrictId = user.DistrictIdOf()!.Value, Place = request.Place!.Trim(), Status = MeetingStatus.Scheduled,
            ScheduledAt = new DateTimeOffset(local, AzerbaijanTime.Offset).ToUniversalTime(),
            CreatedBy = user.Identity!.Name!, CreatedAt = time.GetUtcNow(),
        };
        db.Meetings.Add(meeting);
        await writes.SaveChangesAsync(db, cancellationToken);
        await AddProposedAsync(meeting, cancellationToken);
        await writes.SaveChangesAsync(db, cancellationToken);
        return MeetingChange.Ok(meeting.Id);
    }

    /// <summary>Adds the cases proposed now and not yet on the agenda (reasons of cases already on it are brought up to date).</summary>
    public Task<MeetingChange> ProposeAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, async meeting =>
        {
            await AddProposedAsync(meeting, cancellationToken);
            return Ok();
        }, cancellationToken);

    public Task<MeetingChange> AddCaseAsync(ClaimsPrincipal user, long id, AgendaCaseRequest request, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, async meeting =>
        {
            var number = request.CaseNumber?.Trim().ToUpperInvariant() ?? "";
            var exists = await db.Cases.AnyAsync(c => c.Number == number && c.DistrictId == meeting.DistrictId, cancellationToken);
            if (!exists) return Error(nameof(request.CaseNumber), text["Error_NoSuchCase"]);
            if (meeting.Items.Any(i => i.CaseNumber == number)) return Error(nameof(request.CaseNumber), text["Error_AlreadyOnAgenda"]);
            meeting.Items.Add(new AgendaItemRecord { CaseNumber = number, Position = NextPosition(meeting) });
            return Ok();
        }, cancellationToken);

    public Task<MeetingChange> RemoveItemAsync(ClaimsPrincipal user, long id, long itemId, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, meeting =>
        {
            // Idempotent: a case already off the agenda is simply not there.
            if (meeting.Items.FirstOrDefault(i => i.Id == itemId) is { } item) db.AgendaItems.Remove(item);
            return Task.FromResult<Dictionary<string, string[]>?>(Ok());
        }, cancellationToken, itemId);

    public Task<MeetingChange> AttendanceAsync(ClaimsPrincipal user, long id, AttendanceRequest request, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, async meeting =>
        {
            var agencies = await AgencyCodesAsync(cancellationToken);
            var errors = checks.Attendance(request, agencies);
            if (errors.Count > 0) return errors;
            foreach (var entry in request.Agencies)
            {
                var name = string.IsNullOrWhiteSpace(entry.Name) ? null : entry.Name.Trim();
                if (meeting.Attendance.FirstOrDefault(a => a.Agency == entry.Agency) is { } known) (known.Present, known.Name) = (entry.Present, name);
                else meeting.Attendance.Add(new AttendanceRecord { Agency = entry.Agency!, Present = entry.Present, Name = name });
            }
            return Ok();
        }, cancellationToken);

    public Task<MeetingChange> DecideAsync(ClaimsPrincipal user, long id, long itemId, DecisionRequest request, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, async meeting =>
        {
            if (meeting.Items.FirstOrDefault(i => i.Id == itemId) is not { } item) return null;
            var errors = checks.Decision(request, await AgencyCodesAsync(cancellationToken), Today);
            if (errors.Count > 0) return errors;
            (item.Decision, item.Outcome) = (request.Decision?.Trim(), request.Outcome);
            db.MeetingActions.RemoveRange(item.Actions);
            item.Actions = request.Actions.Where(a => !a.IsBlank)
                .Select(a => new MeetingActionRecord { Agency = a.Agency!, Text = a.Text!.Trim(), DueDate = a.DueDate!.Value }).ToList();
            return Ok();
        }, cancellationToken, itemId);

    internal async Task<IReadOnlySet<string>> AgencyCodesAsync(CancellationToken cancellationToken) =>
        (await db.Agencies.AsNoTracking().Select(a => a.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Loads the user's district's meeting, refuses a closed one, applies the change (null from it: the item is not
    /// on this meeting), and saves it with the revision raised.
    /// </summary>
    private async Task<MeetingChange> ChangeAsync(ClaimsPrincipal user, long id, Func<MeetingRecord, Task<Dictionary<string, string[]>?>> change,
        CancellationToken cancellationToken, long? itemId = null)
    {
        if (!MeetingBook.MayUse(user)) return MeetingChange.NotFound;
        var district = user.DistrictIdOf();
        var meeting = await db.Meetings.Include(m => m.Items).ThenInclude(i => i.Actions).Include(m => m.Attendance).AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == id && m.DistrictId == district, cancellationToken);
        if (meeting is null) return MeetingChange.NotFound;
        if (meeting.Status == MeetingStatus.Closed) return MeetingChange.Closed;
        var errors = await change(meeting);
        if (errors is null) return MeetingChange.NotFound;
        if (errors.Count > 0) return MeetingChange.Invalid(errors);
        meeting.Revision++;
        try
        {
            await writes.SaveChangesAsync(db, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Closed (or changed) since it was loaded: the minutes stay as they were closed.
            return MeetingChange.Closed;
        }
        return MeetingChange.Ok(itemId ?? meeting.Id);
    }

    private async Task AddProposedAsync(MeetingRecord meeting, CancellationToken cancellationToken)
    {
        foreach (var proposed in await proposal.ForAsync(meeting.DistrictId, meeting.Id, cancellationToken))
        {
            var reasons = string.Join(',', proposed.Reasons);
            if (meeting.Items.FirstOrDefault(i => i.CaseNumber == proposed.CaseNumber) is { } item) item.Reasons = reasons;
            else meeting.Items.Add(new AgendaItemRecord { CaseNumber = proposed.CaseNumber, Reasons = reasons, Position = NextPosition(meeting) });
        }
    }

    private static int NextPosition(MeetingRecord meeting) => meeting.Items.Count == 0 ? 1 : meeting.Items.Max(i => i.Position) + 1;

    private static Dictionary<string, string[]> Ok() => [];

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };
}
