using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Access;
using MonitoringWorkflows.Web.Identity;
using MonitoringWorkflows.Web.Organisation;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;
using MonitoringWorkflows.Web.Runtime;

namespace MonitoringWorkflows.Web.Cases;

public enum RestartOutcome
{
    /// <summary>The referral process runs now (started, or an instance left by a crash was linked to the case).</summary>
    Started,
    /// <summary>No such case, or one the user may not see: answered alike.</summary>
    NoSuchCase,
    /// <summary>The user sees the case but may not start its process.</summary>
    NotAllowed,
    /// <summary>The case's process has started already (perhaps by someone else a moment ago).</summary>
    AlreadyStarted,
    /// <summary>The case's process exists but stopped with an incident: it is retried on the incidents page, not started again.</summary>
    StoppedByIncident,
    /// <summary>The start failed again; the case is as it was and <see cref="RestartResult.Message"/> says why.</summary>
    Failed,
}

public sealed record RestartResult(RestartOutcome Outcome, string? Message = null, long? InstanceId = null);

/// <summary>Lets one referral start run at a time in this process, so a claim found half-done is one a crash left.</summary>
public sealed class ReferralStartLock
{
    internal SemaphoreSlim Gate { get; } = new(1, 1);
}

/// <summary>
/// Starts the referral process of a case whose start failed at intake: administrators for any case, the chair for
/// their district's. The case is claimed by a conditional update before the runner is asked, so two clicks start one
/// instance; a start that fails puts the case back as it was. An instance that exists with the case number as its
/// business key (a crash between the start and the case's update) is linked instead of starting a second one.
/// </summary>
public sealed class ReferralRestart(
    IDbContextFactory<WorkflowDbContext> contexts, CaseAccess access, WriteGate writes, WorkflowRunner runner,
    ReferralStartLock startLock, TimeProvider time, ILogger<ReferralRestart> logger)
{
    public static bool MayStart(ClaimsPrincipal user, CaseRecord record) =>
        user.IsInRole(Roles.Administrator) || (user.IsInRole(Roles.Chair) && user.DistrictIdOf() == record.DistrictId);

    public async Task<RestartResult> StartAsync(ClaimsPrincipal user, string caseNumber, CancellationToken cancellationToken)
    {
        var found = await FindAsync(user, caseNumber, cancellationToken);
        if (found is null) return new RestartResult(RestartOutcome.NoSuchCase);
        if (!MayStart(user, found)) return new RestartResult(RestartOutcome.NotAllowed);
        await startLock.Gate.WaitAsync(cancellationToken);
        try
        {
            return await StartLockedAsync(found.Number, user.Identity!.Name!, cancellationToken);
        }
        finally
        {
            startLock.Gate.Release();
        }
    }

    /// <summary>
    /// The case if the user may know of it: administrators see every case's existence (not its content) for this, others
    /// through <see cref="CaseAccess"/>.
    /// </summary>
    private async Task<CaseRecord?> FindAsync(ClaimsPrincipal user, string caseNumber, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Administrator))
            return (await access.FindAsync(user, caseNumber, cancellationToken))?.Case;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Number == caseNumber, cancellationToken);
    }

    private async Task<RestartResult> StartLockedAsync(string caseNumber, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Cases.AsNoTracking().SingleAsync(c => c.Number == caseNumber, cancellationToken);
        if (!AwaitingStart.Is(record, time.GetUtcNow())) return new RestartResult(RestartOutcome.AlreadyStarted, null, record.ProcessInstanceId);
        var existing = await db.ProcessInstances.AsNoTracking()
            .Where(i => i.BusinessKey == caseNumber && i.ParentInstanceId == null).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Status }).FirstOrDefaultAsync(cancellationToken);
        if (existing is { Status: ProcessInstanceStatus.Incident })
            return new RestartResult(RestartOutcome.StoppedByIncident, null, existing.Id);
        // The claim: only the request that moves the case out of the state it was read in goes on.
        var claimed = await writes.RunAsync(() => db.Cases
            .Where(c => c.Id == record.Id && c.Status == record.Status && c.ProcessInstanceId == record.ProcessInstanceId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Open), cancellationToken), cancellationToken);
        return claimed == 0 ? new RestartResult(RestartOutcome.AlreadyStarted) : await StartOrLinkAsync(db, record, existing?.Id, actor);
    }

    /// <summary>Claimed: whatever the request does now, the case's state must be written down, so no cancellation from here.</summary>
    private async Task<RestartResult> StartOrLinkAsync(WorkflowDbContext db, CaseRecord record, long? existing, string actor)
    {
        var caseNumber = record.Number;
        if (existing is not null)
        {
            logger.LogWarning("Case {CaseNumber} had no process recorded but instance {InstanceId} exists for it: linked", caseNumber, existing);
            await LinkAsync(db, record.Id, existing.Value);
            return new RestartResult(RestartOutcome.Started, null, existing);
        }
        var start = await ReferralStart.RunAsync(runner, logger, record.Number, record.ReadReport, actor, CancellationToken.None);
        if (start is { IsOk: true, InstanceId: { } started })
        {
            await LinkAsync(db, record.Id, started);
            logger.LogInformation("The referral process of case {CaseNumber} was started later by {Actor}: instance {InstanceId}",
                caseNumber, actor, started);
            return new RestartResult(RestartOutcome.Started, start.Message, started);
        }
        await PutBackAsync(db, record, start.InstanceId);
        logger.LogError("Starting the referral process of case {CaseNumber} failed again ({Actor}): {Outcome} {Message}",
            caseNumber, actor, start.Outcome, start.Message);
        return new RestartResult(RestartOutcome.Failed, start.Message ?? start.Outcome.ToString(), start.InstanceId);
    }

    /// <summary>
    /// After an incident of <paramref name="instanceId"/> was retried and the instance went on: a case whose start had ended
    /// in that incident (not started, naming the instance) is started now, so it leaves the "not started" lists and its
    /// page shows the process without anyone asking for the start again.
    /// </summary>
    public async Task LinkRetriedAsync(long instanceId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stuck = await AwaitingStart.Among(db.Cases, time.GetUtcNow()).Where(c => c.ProcessInstanceId == instanceId)
            .Select(c => new { c.Id, c.Number }).FirstOrDefaultAsync(cancellationToken);
        if (stuck is null) return;
        await LinkAsync(db, stuck.Id, instanceId);
        logger.LogInformation("The referral process of case {CaseNumber} went on after its start's incident was retried: instance {InstanceId}",
            stuck.Number, instanceId);
    }

    /// <summary>The case and its victims' facts name the instance, in one transaction, so the figures follow the outcome.</summary>
    private Task<int> LinkAsync(WorkflowDbContext db, long caseId, long instanceId) => writes.RunAsync(async () =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var written = await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, CaseStatus.Open).SetProperty(c => c.ProcessInstanceId, instanceId), CancellationToken.None);
        written += await db.VictimFacts.Where(f => f.CaseId == caseId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.ProcessInstanceId, instanceId), CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return written;
    }, CancellationToken.None);

    /// <summary>
    /// Back to not started. An instance the runner left in an incident is named on the case, as the intake does, so the
    /// next start finds it (to retry on the incidents page) rather than starting another.
    /// </summary>
    private Task<int> PutBackAsync(WorkflowDbContext db, CaseRecord record, long? incidentInstance) => writes.RunAsync(() =>
        db.Cases.Where(c => c.Id == record.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, CaseStatus.ProcessNotStarted)
            .SetProperty(c => c.ProcessInstanceId, incidentInstance ?? record.ProcessInstanceId), CancellationToken.None),
        CancellationToken.None);
}
