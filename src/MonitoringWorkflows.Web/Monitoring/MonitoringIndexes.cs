using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Monitoring;

/// <summary>
/// Partial indexes over the live work only (active instances, open steps), so that the dashboard and the process monitor
/// read a district's current cases without touching the closed history. SQLite uses a partial index only when the query
/// repeats its condition literally: the queries use <see cref="MonitoringSets.ActiveCondition"/> and Status = 'Open'.
/// </summary>
internal sealed class MonitoringInstanceIndexes : IEntityTypeConfiguration<ProcessInstanceRecord>
{
    private const string Active = "\"Status\" IN ('Running', 'Incident')";

    public void Configure(EntityTypeBuilder<ProcessInstanceRecord> builder)
    {
        // The dashboard: a district's active instances are one range of business keys (its code and a hyphen).
        builder.HasIndex(i => i.BusinessKey, "IX_ProcessInstances_Active_BusinessKey").HasFilter(Active);
        // The process monitor: one version's active instances, in one district's range.
        builder.HasIndex(i => new { i.DefinitionVersionId, i.BusinessKey }, "IX_ProcessInstances_Active_Definition_BusinessKey").HasFilter(Active);
        // EF would otherwise take the partial index above for the foreign key's and drop the foreign key's own (full) one.
        builder.HasIndex(i => i.DefinitionVersionId);
    }
}

internal sealed class MonitoringStepIndexes : IEntityTypeConfiguration<UserTaskRecord>
{
    /// <summary>The dashboard's open steps of one district (stages, overdue per agency, pending referrals).</summary>
    public void Configure(EntityTypeBuilder<UserTaskRecord> builder) =>
        builder.HasIndex(t => new { t.DistrictId, t.ElementId }, "IX_UserTasks_Open_District_Element").HasFilter("\"Status\" = 'Open'");
}
