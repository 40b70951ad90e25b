using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Persistence.Configurations;

internal sealed class ProcessInstanceConfiguration : IEntityTypeConfiguration<ProcessInstanceRecord>
{
    public void Configure(EntityTypeBuilder<ProcessInstanceRecord> builder)
    {
        builder.ToTable("ProcessInstances");
        builder.HasOne(i => i.DefinitionVersion).WithMany().HasForeignKey(i => i.DefinitionVersionId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.ParentInstance).WithMany().HasForeignKey(i => i.ParentInstanceId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.BusinessKey).HasMaxLength(200);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.StartedBy).HasMaxLength(200);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.IsActive);
        builder.HasIndex(i => i.BusinessKey);
        // Only called processes have a parent: a top-level start adds no entry (ParentInstanceId = ... implies NOT NULL).
        builder.HasIndex(i => new { i.ParentInstanceId, i.ParentTokenId }).HasFilter("\"ParentInstanceId\" IS NOT NULL");
        builder.HasIndex(i => new { i.Status, i.StartedAt });
    }
}
