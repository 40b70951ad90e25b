using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MonitoringWorkflows.Web.Cases;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.ProtectionOrders;

/// <summary>
/// Keeps the order a protective-measures step recorded as a row, once per step, right after the step committed (the
/// step's data are what it read). The unique step id makes a repeated recording a no-op. A court's long-term order
/// replaces the case's short-term ones: they leave the list and get no expiry notice.
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
    /// has committed whatever happens here: a failure is logged (with what to record by hand), not thrown at the user.
    /// </summary>
    public async Task<ProtectionOrderRecord?> RecordAsync(UserTaskRecord step, CaseRecord stepCase, JsonObject data, string recordedBy,
        CancellationToken cancellationToken)
    {
        if (rules.DraftOf(step.FormKey, data) is not { } draft) return null;
        try
        {
            return await InsertAsync(step, stepCase, draft, recordedBy, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The {Kind} protection order of step {StepId} on case {Case} ({Days} days from {IssuedOn:u}) was not recorded",
                draft.Kind, step.Id, stepCase.Number, draft.Days, draft.IssuedOn);
            return null;
        }
    }

    private async Task<ProtectionOrderRecord?> InsertAsync(UserTaskRecord step, CaseRecord stepCase, OrderDraft draft, string recordedBy,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var orders = db.Set<ProtectionOrderRecord>();
        if (await orders.AnyAsync(o => o.UserTaskId == step.Id, cancellationToken)) return null;
        var order = new ProtectionOrderRecord
        {
            CaseId = stepCase.Id, DistrictId = stepCase.DistrictId, ProcessInstanceId = step.InstanceId, UserTaskId = step.Id,
            Kind = draft.Kind, Agency = step.Agency, IssuedOn = draft.IssuedOn, Days = draft.Days, ExpiresAt = draft.ExpiresAt,
            RecordedBy = recordedBy, RecordedAt = time.GetUtcNow(),
        };
        orders.Add(order);
        try
        {
            await writes.RunAsync(() => SaveAsync(db, order, cancellationToken), cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // Only the unique step id may refuse it: another request recorded this step's order first.
            if (!await RecordedMeanwhileAsync(step.Id, cancellationToken)) throw;
            logger.LogInformation("The order of step {StepId} was recorded by another request: {Message}", step.Id, exception.GetBaseException().Message);
            return null;
        }
        logger.LogInformation("{Kind} protection order {OrderId} on case {Case} recorded: {Days} days, ends {ExpiresAt:u}",
            order.Kind, order.Id, stepCase.Number, order.Days, order.ExpiresAt);
        return order;
    }

    /// <summary>The order, and for a court's order the short-term orders of the case it replaces, in one transaction.</summary>
    private static async Task<int> SaveAsync(WorkflowDbContext db, ProtectionOrderRecord order, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (order.Kind == ProtectionOrderKind.LongTerm)
            await db.Set<ProtectionOrderRecord>()
                .Where(o => o.CaseId == order.CaseId && o.Kind == ProtectionOrderKind.ShortTerm && o.ReplacedByOrderId == null && o.Id != order.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ReplacedByOrderId, order.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return 1;
    }

    private async Task<bool> RecordedMeanwhileAsync(long stepId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ProtectionOrderRecord>().AnyAsync(o => o.UserTaskId == stepId, cancellationToken);
    }
}
