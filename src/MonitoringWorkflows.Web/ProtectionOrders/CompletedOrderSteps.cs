using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MonitoringWorkflows.Web.Persistence;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.ProtectionOrders;

/// <summary>A completed order step as the catch-up reads it: the order's facts, and the data its form submitted.</summary>
internal sealed record CompletedOrderStep(OrderStep Step, DateTimeOffset CompletedAt, string? CompletedBy, string? OutputJson);

/// <summary>Where the catch-up has read up to: steps completed before <see cref="At"/>, and at it up to step <see cref="Id"/>.</summary>
internal readonly record struct CompletedStepCursor(DateTimeOffset At, long Id)
{
    public static readonly CompletedStepCursor Start = new(DateTimeOffset.UnixEpoch, 0);
}

/// <summary>
/// The completed order steps that have no order row, in the order they completed, read from a partial index that holds
/// the completed order steps only (a few percent of all steps): a pass reads the steps completed since the last one,
/// the start-up's pass every order step, and neither the rest of the completed steps.
/// </summary>
internal static class CompletedOrderSteps
{
    /// <summary>The index's condition; the query repeats it literally (SQLite uses a partial index only then).</summary>
    public const string IndexFilter = $"""
        "Status" = 'Completed' AND "FormKey" IN ('{ProtectionOrderOptions.DefaultShortTermFormKey}', '{ProtectionOrderOptions.DefaultLongTermFormKey}')
        """;

    public const string IndexName = "IX_UserTasks_Completed_OrderSteps_CompletedAt";

    /// <summary>The unrecorded steps that completed at the cursor's moment after its step (several can share a moment).</summary>
    public static IQueryable<CompletedOrderStep> AtCursor(WorkflowDbContext db, string[] formKeys, CompletedStepCursor cursor) =>
        Unrecorded(db, formKeys, db.UserTasks.Where(t => t.CompletedAt == cursor.At && t.Id > cursor.Id).OrderBy(t => t.Id));

    /// <summary>The unrecorded steps that completed after the cursor's moment, up to <paramref name="until"/>.</summary>
    public static IQueryable<CompletedOrderStep> After(WorkflowDbContext db, string[] formKeys, CompletedStepCursor cursor, DateTimeOffset until) =>
        Unrecorded(db, formKeys, db.UserTasks.Where(t => t.CompletedAt > cursor.At && t.CompletedAt <= until)
            .OrderBy(t => t.CompletedAt).ThenBy(t => t.Id));

    private static IQueryable<CompletedOrderStep> Unrecorded(WorkflowDbContext db, string[] formKeys, IQueryable<UserTaskRecord> steps) =>
        // Status and the form keys as constants: the SQL then says what the index's filter says.
        from t in steps
        where t.Status == UserTaskStatus.Completed && EF.Constant(formKeys).Contains(t.FormKey)
            && !db.Set<ProtectionOrderRecord>().Any(o => o.UserTaskId == t.Id)
        join i in db.ProcessInstances on t.InstanceId equals i.Id
        join c in db.Cases on i.BusinessKey equals c.Number
        select new CompletedOrderStep(
            new OrderStep(t.Id, t.InstanceId, t.FormKey, t.Agency, c.Id, c.DistrictId, c.Number),
            t.CompletedAt!.Value, t.CompletedBy, t.OutputJson);
}

internal sealed class CompletedOrderStepIndex : IEntityTypeConfiguration<UserTaskRecord>
{
    public void Configure(EntityTypeBuilder<UserTaskRecord> builder) =>
        builder.HasIndex(t => t.CompletedAt, CompletedOrderSteps.IndexName).HasFilter(CompletedOrderSteps.IndexFilter);
}
