using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MonitoringWorkflows.Web.Notifications;
using MonitoringWorkflows.Web.Persistence;

namespace MonitoringWorkflows.Web.ProtectionOrders;

/// <summary>
/// Makes the order row of a completed order step that has none, from the data the step stored when it committed: the
/// book records an order just after its step's commit, and a host that stops (or an insert that fails) in between
/// would leave the order out of the chair's list, the dashboard and the expiry notices. Run by the notification worker
/// before the expiry sweep (so a recovered order that ends soon is announced in the same pass). Its first pass, at
/// start-up, reads the completed order steps from the first on (from the index of completed order steps, and only those
/// without a row); each later pass goes on from where the last one stopped, up to <see cref="Grace"/> ago, which
/// leaves the book the time to record the orders of the steps that have just completed.
/// </summary>
public sealed class OrderCatchUp(
    IDbContextFactory<WorkflowDbContext> contexts,
    ProtectionOrderBook book,
    ProtectionOrderRules rules,
    IOptions<ProtectionOrderOptions> options,
    TimeProvider time,
    ILogger<OrderCatchUp> logger) : INotificationSweep
{
    /// <summary>How long after a step's completion the book has to record its order before the catch-up does.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    /// <summary>Steps read, and their missing orders written in one transaction, at a time.</summary>
    internal const int BatchSize = 100;

    /// <summary>
    /// A pass reads at most this many batches, and the next pass goes on from there: a start-up that finds many orders
    /// missing (data from before the catch-up existed) does not hold back the worker's deliveries and deadline sweeps.
    /// </summary>
    internal const int BatchesPerPass = 50;

    /// <summary>Recovered orders each logged as a warning in a pass; beyond them, one warning counts the rest.</summary>
    private const int WarningsPerPass = 10;

    // Only the worker's passes move it, one pass at a time.
    private CompletedStepCursor cursor = CompletedStepCursor.Start;

    /// <summary>Records the orders missing up to <see cref="Grace"/> ago; writes no notification itself, so returns 0.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() - Grace;
        var formKeys = new[] { options.Value.ShortTermFormKey, options.Value.LongTermFormKey };
        var recovered = 0;
        try
        {
            for (var batches = 0; batches < BatchesPerPass; batches++)
            {
                var batch = await NextBatchAsync(formKeys, until, cancellationToken);
                if (batch.Count == 0)
                {
                    cursor = new CompletedStepCursor(until, long.MaxValue);
                    break;
                }
                recovered += await RecoverAsync(batch, recovered, cancellationToken);
                cursor = new CompletedStepCursor(batch[^1].CompletedAt, batch[^1].Step.StepId);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The cursor stays before the batch that failed: the next pass reads it again.
            logger.LogError(exception, "Recording the protection orders missing after {Cursor} failed; trying again at the next pass", cursor);
        }
        if (recovered > WarningsPerPass)
            logger.LogWarning("{Count} protection orders were missing their rows and were recorded from their steps' data", recovered);
        return 0;
    }

    private async Task<List<CompletedOrderStep>> NextBatchAsync(string[] formKeys, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var atCursor = await CompletedOrderSteps.AtCursor(db, formKeys, cursor).Take(BatchSize).ToListAsync(cancellationToken);
        return atCursor.Count > 0
            ? atCursor
            : await CompletedOrderSteps.After(db, formKeys, cursor, until).Take(BatchSize).ToListAsync(cancellationToken);
    }

    private async Task<int> RecoverAsync(List<CompletedOrderStep> batch, int recoveredBefore, CancellationToken cancellationToken)
    {
        var missing = batch
            .Select(completed => (completed, Draft: Data(completed) is { } data ? rules.DraftOf(completed.Step.FormKey, data) : null))
            .Where(d => d.Draft is not null)
            .Select(d => new MissingOrder(d.completed.Step, d.Draft!, d.completed.CompletedBy ?? nameof(OrderCatchUp)))
            .ToList();
        var recorded = await book.RecordMissingAsync(missing, cancellationToken);
        foreach (var order in recorded)
        {
            var step = missing.First(m => m.Step.StepId == order.UserTaskId).Step;
            var level = recoveredBefore++ < WarningsPerPass ? LogLevel.Warning : LogLevel.Information;
            logger.Log(level, "Recovered the {Kind} protection order {OrderId} of step {StepId} on case {Case} ({Days} days, ends {ExpiresAt:u}): "
                + "its row was missing, so its recording after the step's commit failed or the host stopped before it",
                order.Kind, order.Id, step.StepId, step.CaseNumber, order.Days, order.ExpiresAt);
        }
        return recorded.Count;
    }

    private JsonObject? Data(CompletedOrderStep completed)
    {
        if (completed.OutputJson is not { } json) return null;
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException exception)
        {
            logger.LogError(exception, "Step {StepId} on case {Case} stored data that are not JSON: its order, if any, is not recorded",
                completed.Step.StepId, completed.Step.CaseNumber);
            return null;
        }
    }
}
