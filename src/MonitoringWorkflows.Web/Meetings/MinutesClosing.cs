using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Meetings;

/// <summary>
/// Closes a meeting's minutes and sends each decision on: to a case whose group review waits for the meeting, as the
/// message <c>groupReviewDecision</c> with <c>decision</c>, <c>outcome</c> and <c>actions</c> (each action becomes a
/// step for its agency, due after <c>dueIn</c> days); to any other case on the agenda, as a journal line on its referral
/// without a message. The meeting is marked closed first, in one conditional update, so it closes once and is
/// read-only from then on; each case then moves in its own transaction, and what happened is kept on its item.
/// </summary>
public sealed class MinutesClosing(
    WorkflowDbContext db, WaitingReviews waiting, WorkflowRunner runner, MeetingChecks checks, MeetingEditor editor,
    WriteGate writes, TimeProvider time, IStringLocalizer<MeetingsText> text)
{
    public async Task<MeetingChange> CloseAsync(ClaimsPrincipal user, long id, CloseRequest request, CancellationToken cancellationToken)
    {
        if (!MeetingBook.MayUse(user)) return MeetingChange.NotFound;
        var district = user.DistrictIdOf();
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Items).ThenInclude(i => i.Actions).AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == id && m.DistrictId == district, cancellationToken);
        if (meeting is null) return MeetingChange.NotFound;
        var now = time.GetUtcNow();
        if (meeting.Status == MeetingStatus.Closed)
        {
            // Closed but not every decision sent on (the host stopped midway): sending the rest is not an edit.
            if (!meeting.Items.Any(i => i.Delivery is null)) return MeetingChange.Closed;
            await DeliverAllAsync(meeting, meeting.ClosedBy ?? user.Identity!.Name!, now, cancellationToken);
            return MeetingChange.Ok(id);
        }
        var errors = await ReadinessAsync(meeting, request, Today(now), cancellationToken);
        if (errors.Count > 0) return MeetingChange.Invalid(errors);

        var actor = user.Identity!.Name!;
        var claimed = await writes.RunAsync(() => db.Meetings
            .Where(m => m.Id == id && m.Status == MeetingStatus.Scheduled && m.Revision == meeting.Revision)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, MeetingStatus.Closed).SetProperty(m => m.ClosedAt, now)
                .SetProperty(m => m.ClosedBy, actor).SetProperty(m => m.Revision, m => m.Revision + 1), cancellationToken), cancellationToken);
        // Someone closed or changed it meanwhile: what they saw is not what this caller confirmed.
        if (claimed == 0) return MeetingChange.Closed;

        await DeliverAllAsync(meeting, actor, now, cancellationToken);
        return MeetingChange.Ok(id);
    }

    /// <summary>Sends on each decision not sent yet, recording on its item what happened.</summary>
    private async Task DeliverAllAsync(MeetingRecord meeting, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waits = await waiting.ForCasesAsync(meeting.Items.Select(i => i.CaseNumber).ToList(), cancellationToken);
        foreach (var item in meeting.Items.Where(i => i.Delivery is null).OrderBy(i => i.Position))
        {
            var (delivery, note) = await DeliverAsync(meeting, item, waits, actor, now, cancellationToken);
            await writes.RunAsync(() => db.AgendaItems.Where(i => i.Id == item.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.Delivery, delivery).SetProperty(i => i.DeliveryNote, note), cancellationToken),
                cancellationToken);
        }
    }

    private async Task<Dictionary<string, string[]>> ReadinessAsync(MeetingRecord meeting, CloseRequest request, DateOnly today,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!request.Confirm) errors[nameof(request.Confirm)] = [text["Error_ConfirmClose"]];
        var undecided = meeting.Items.Where(i => i.Outcome is null).Select(i => i.CaseNumber).ToList();
        if (undecided.Count > 0) errors["Items"] = [text["Error_Undecided", string.Join(", ", undecided)]];
        var agencies = await editor.AgencyCodesAsync(cancellationToken);
        foreach (var item in meeting.Items)
            foreach (var action in item.Actions)
                checks.Action(new ActionRequest { Agency = action.Agency, Text = action.Text, DueDate = action.DueDate },
                    $"Items[{item.CaseNumber}].Actions[{action.Id}]", agencies, today, errors);
        return errors;
    }

    private async Task<(string Delivery, string? Note)> DeliverAsync(MeetingRecord meeting, AgendaItemRecord item,
        IReadOnlyDictionary<string, long> waits, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (item.Outcome == DecisionOutcomes.Postponed) return (Deliveries.Postponed, null);
        if (waits.TryGetValue(item.CaseNumber, out var instanceId))
        {
            var result = await runner.CorrelateMessageAsync(instanceId, MeetingLimits.DecisionMessage, Message(meeting, item, Today(now)), actor,
                cancellationToken);
            if (result.IsOk) return (Deliveries.Sent, null);
            if (result.Outcome == RunOutcome.Incident) return (Deliveries.Failed, $"incident {result.IncidentId}: {result.Message}");
            // Rejected or raced: the review stopped waiting between the check and the message; the decision is still recorded.
        }
        await JournalAsync(meeting, item, actor, now, cancellationToken);
        return (Deliveries.Recorded, null);
    }

    /// <summary>The message's data: what workflows/group-review.bpmn reads (decision, actions[].agency, .description, .dueIn).</summary>
    internal static JsonObject Message(MeetingRecord meeting, AgendaItemRecord item, DateOnly today) => new()
    {
        ["decision"] = item.Decision ?? "",
        ["outcome"] = item.Outcome,
        ["meetingId"] = meeting.Id,
        ["actions"] = new JsonArray(item.Actions.OrderBy(a => a.Id).Select(a => (JsonNode)new JsonObject
        {
            ["agency"] = a.Agency,
            ["description"] = a.Text,
            ["text"] = a.Text,
            ["dueDate"] = a.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            // Calendar days from the closing day: the step is due that many days after the minutes were closed.
            ["dueIn"] = $"P{Math.Max(1, a.DueDate.DayNumber - today.DayNumber)}D",
        }).ToArray()),
    };

    private async Task JournalAsync(MeetingRecord meeting, AgendaItemRecord item, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var main = await db.Cases.AsNoTracking().Where(c => c.Number == item.CaseNumber).Select(c => c.ProcessInstanceId)
            .FirstOrDefaultAsync(cancellationToken);
        // A case whose process never started has no journal: the minutes alone keep the decision.
        if (main is not { } instanceId) return;
        db.JournalEntries.Add(new JournalEntryRecord
        {
            InstanceId = instanceId, At = now, Kind = JournalKind.GroupDecisionRecorded, Actor = actor,
            Detail = $"Meeting {meeting.Id}: {item.Outcome}",
            DataJson = Message(meeting, item, Today(now)).ToJsonString(),
        });
        await writes.SaveChangesAsync(db, cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(AzerbaijanTime.Of(now).DateTime);
}
