using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Engine.Runtime;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Incidents;

/// <summary>
/// Retrying and cancelling, for those who may see the incident (<see cref="IncidentList"/>). A retry replays the failed
/// trigger and records who asked and how it went (<see cref="JournalKind.IncidentRetried"/>), successful or not; a cancel
/// ends the case's whole process — the top-level instance, since a called process is only cancelled through its parent —
/// and the engine journals it with the reason. A retry that lets a case's referral go on after its start stopped at an
/// incident also marks the case started (<see cref="ReferralRestart.LinkRetriedAsync"/>).
/// </summary>
public sealed class IncidentActions(
    IncidentList incidents, WorkflowRunner runner, WorkflowDbContext db, WriteGate writes, ReferralRestart referrals, TimeProvider time)
{
    public async Task<RunResult> RetryAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        if (await incidents.FindAsync(user, id, cancellationToken) is not { } found) return NotFound(id);
        var result = await runner.RetryIncidentAsync(found.Id, cancellationToken);
        db.JournalEntries.Add(new JournalEntryRecord
        {
            InstanceId = found.InstanceId, At = time.GetUtcNow(), Kind = JournalKind.IncidentRetried, Actor = ActorOf(user),
            Detail = $"Incident {found.Id}: {result.Outcome}{(result.IsOk ? "" : $" ({result.Message})")}",
        });
        await writes.SaveChangesAsync(db, cancellationToken);
        // A case whose referral stopped at this incident right at its start was kept as not started: it is running now.
        if (result.IsOk) await referrals.LinkRetriedAsync(found.InstanceId, cancellationToken);
        return result;
    }

    public async Task<RunResult> CancelAsync(ClaimsPrincipal user, long id, string reason, CancellationToken cancellationToken)
    {
        if (await incidents.FindAsync(user, id, cancellationToken) is not { } found) return NotFound(id);
        var root = await RootOfAsync(found.InstanceId, cancellationToken);
        return await runner.CancelAsync(root, $"Incident {found.Id}: {reason}", ActorOf(user), cancellationToken);
    }

    private async Task<long> RootOfAsync(long instanceId, CancellationToken cancellationToken)
    {
        var current = instanceId;
        // Called processes nest a few levels at most; each step up is one primary-key read.
        for (var depth = 0; depth < 32; depth++)
        {
            var parent = await db.ProcessInstances.AsNoTracking().Where(i => i.Id == current)
                .Select(i => i.ParentInstanceId).FirstOrDefaultAsync(cancellationToken);
            if (parent is null) return current;
            current = parent.Value;
        }
        return current;
    }

    private static string ActorOf(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    private static RunResult NotFound(long id) => new(RunOutcome.NotFound, $"There is no open incident {id}.");
}
