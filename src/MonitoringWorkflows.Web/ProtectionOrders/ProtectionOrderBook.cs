using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.ProtectionOrders;

/// <summary>The facts of an order step and its case that its order row is made from.</summary>
internal sealed record OrderStep(long StepId, long InstanceId, string? FormKey, string? Agency, long CaseId, int DistrictId, string CaseNumber);

/// <summary>An order to record: its step, the order its data record, and who recorded it (completed the step).</summary>
internal sealed record MissingOrder(OrderStep Step, OrderDraft Draft, string RecordedBy);

/// <summary>
/// Keeps the order a protective-measures step recorded as a row, once per step, right after the step committed (the
/// step's data are what it read). The unique step id makes a repeated recording a no-op. A court's long-term order
/// replaces the case's short-term ones: they leave the list and get no expiry notice. A step that completed without
/// its row (the host stopped, or the insert failed, after the step committed) gets it from <see cref="OrderCatchUp"/>.
/// </summary>
public sealed class ProtectionOrderBook(
    IDbContextFactory<WorkflowDbContext> contexts,
    WriteGate writes,
    ProtectionOrderRules rules,
    TimeProvider time,
    ILogger<ProtectionOrderBook> logger)
{
    /// <summary>
    /// The order recorded for <paramref name="step"/>, or null when its data record none (or it already was). The step
    /// has committed whatever happens here: a failure is logged, not thrown at the user, and the catch-up records the
    /// order from the step's stored data a few minutes later.
    /// </summary>
    public async Task<ProtectionOrderRecord?> RecordAsync(UserTaskRecord step, CaseRecord stepCase, JsonObject data, string recordedBy,
        CancellationToken cancellationToken)
    {
        var orderStep = new OrderStep(step.Id, step.InstanceId, step.FormKey, step.Agency, stepCase.Id, stepCase.DistrictId, stepCase.Number);
        if (rules.DraftOf(step.FormKey, data) is not { } draft) return null;
        try
        {
            return await InsertAsync(orderStep, draft, recordedBy, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The {Kind} protection order of step {StepId} on case {Case} ({Days} days from {IssuedOn:u}) was not recorded",
                draft.Kind, step.Id, stepCase.Number, draft.Days, draft.IssuedOn);
            return null;
        }
    }

    /// <summary>
    /// The orders of steps that completed without their rows (<see cref="OrderCatchUp"/>), by the same rules and in the
    /// order given (a court's order replaces the case's short-term orders recorded before it), in one transaction; a
    /// step whose row exists by now is passed over. A failure is thrown with nothing written: the caller tries again.
    /// </summary>
    internal async Task<IReadOnlyList<ProtectionOrderRecord>> RecordMissingAsync(IReadOnlyList<MissingOrder> missing,
        CancellationToken cancellationToken)
    {
        if (missing.Count == 0) return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await writes.RunAsync(() => SaveAsync(db, missing, cancellationToken), cancellationToken);
    }

    private async Task<ProtectionOrderRecord?> InsertAsync(OrderStep step, OrderDraft draft, string recordedBy,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<ProtectionOrderRecord> recorded;
        try
        {
            recorded = await RecordMissingAsync([new MissingOrder(step, draft, recordedBy)], cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // Only the unique step id may refuse it: another request recorded this step's order first.
            if (!await RecordedMeanwhileAsync(step.StepId, cancellationToken)) throw;
            logger.LogInformation("The order of step {StepId} was recorded by another request: {Message}", step.StepId, exception.GetBaseException().Message);
            return null;
        }
        if (recorded is not [var order]) return null;
        logger.LogInformation("{Kind} protection order {OrderId} on case {Case} recorded: {Days} days, ends {ExpiresAt:u}",
            order.Kind, order.Id, step.CaseNumber, order.Days, order.ExpiresAt);
        return order;
    }

    /// <summary>
    /// The orders of the steps that have none yet, in the order given, each with the short-term orders it replaces, in
    /// one transaction; the steps already recorded are read in one query.
    /// </summary>
    private async Task<IReadOnlyList<ProtectionOrderRecord>> SaveAsync(WorkflowDbContext db, IReadOnlyList<MissingOrder> orders,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stepIds = orders.Select(o => o.Step.StepId).ToList();
        var recordedBefore = (await db.Set<ProtectionOrderRecord>().Where(o => stepIds.Contains(o.UserTaskId))
            .Select(o => o.UserTaskId).ToListAsync(cancellationToken)).ToHashSet();
        var recorded = new List<ProtectionOrderRecord>();
        foreach (var (step, draft, recordedBy) in orders)
        {
            if (!recordedBefore.Add(step.StepId)) continue;
            var order = NewOrder(step, draft, recordedBy);
            db.Add(order);
            await SaveAndReplaceAsync(db, order, cancellationToken);
            recorded.Add(order);
        }
        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }

    private ProtectionOrderRecord NewOrder(OrderStep step, OrderDraft draft, string recordedBy) => new()
    {
        CaseId = step.CaseId, DistrictId = step.DistrictId, ProcessInstanceId = step.InstanceId, UserTaskId = step.StepId,
        Kind = draft.Kind, Agency = step.Agency, IssuedOn = draft.IssuedOn, Days = draft.Days, ExpiresAt = draft.ExpiresAt,
        RecordedBy = recordedBy, RecordedAt = time.GetUtcNow(),
    };

    private static async Task SaveAndReplaceAsync(WorkflowDbContext db, ProtectionOrderRecord order, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        if (order.Kind == ProtectionOrderKind.LongTerm)
            await db.Set<ProtectionOrderRecord>()
                .Where(o => o.CaseId == order.CaseId && o.Kind == ProtectionOrderKind.ShortTerm && o.ReplacedByOrderId == null && o.Id != order.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ReplacedByOrderId, order.Id), cancellationToken);
    }

    private async Task<bool> RecordedMeanwhileAsync(long stepId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ProtectionOrderRecord>().AnyAsync(o => o.UserTaskId == stepId, cancellationToken);
    }
}
