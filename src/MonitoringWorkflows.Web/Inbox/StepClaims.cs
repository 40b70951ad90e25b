using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Inbox;

public enum ClaimOutcome { Claimed, Released, NotFound, ClaimedByOther, NotOpen, NotYours }

/// <summary>What a claim or release did; <see cref="ClaimedByName"/> names who holds the step when it was not us.</summary>
public sealed record ClaimResult(ClaimOutcome Outcome, string? ClaimedByName = null)
{
    public bool IsOk => Outcome is ClaimOutcome.Claimed or ClaimOutcome.Released;
}

/// <summary>
/// Claiming and releasing steps. Each is one conditional UPDATE (a claim only where nobody holds the step, a release
/// only where this user does), so of two members claiming at once exactly one wins and the other is told who.
/// </summary>
public sealed class StepClaims(WorkflowDbContext db, InboxQueries queries, WriteGate writes, TimeProvider time)
{
    public async Task<ClaimResult> ClaimAsync(InboxHolder holder, long id, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(holder, id, cancellationToken) is not { } view) return new(ClaimOutcome.NotFound);
        if (!view.IsOpen) return new(ClaimOutcome.NotOpen);
        var (me, now) = (holder.UserId, time.GetUtcNow());
        var won = await writes.RunAsync(() => db.UserTasks
            .Where(t => t.Id == id && t.Status == UserTaskStatus.Open && t.ClaimedBy == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ClaimedBy, me).SetProperty(t => t.ClaimedAt, now), cancellationToken),
            cancellationToken);
        return won == 1 ? new(ClaimOutcome.Claimed) : await WhyNotAsync(holder, id, ClaimOutcome.Claimed, cancellationToken);
    }

    public async Task<ClaimResult> ReleaseAsync(InboxHolder holder, long id, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(holder, id, cancellationToken) is null) return new(ClaimOutcome.NotFound);
        var me = holder.UserId;
        var released = await writes.RunAsync(() => db.UserTasks
            .Where(t => t.Id == id && t.Status == UserTaskStatus.Open && t.ClaimedBy == me)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ClaimedBy, (string?)null)
                .SetProperty(t => t.ClaimedAt, (DateTimeOffset?)null), cancellationToken),
            cancellationToken);
        return released == 1 ? new(ClaimOutcome.Released) : await WhyNotAsync(holder, id, ClaimOutcome.NotYours, cancellationToken);
    }

    /// <summary>After a conditional update changed nothing: the step closed, or someone (perhaps we) holds it.</summary>
    private async Task<ClaimResult> WhyNotAsync(InboxHolder holder, long id, ClaimOutcome whenMine, CancellationToken cancellationToken)
    {
        var view = await queries.FindAsync(holder, id, cancellationToken);
        if (view is null) return new(ClaimOutcome.NotFound);
        if (!view.IsOpen) return new(ClaimOutcome.NotOpen);
        if (view.IsClaimedBy(holder)) return new(whenMine);
        return view.Step.ClaimedBy is null ? new(ClaimOutcome.NotYours) : new(ClaimOutcome.ClaimedByOther, view.ClaimedByName);
    }
}
