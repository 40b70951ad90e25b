using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessageRecord>
{
    public void Configure(EntityTypeBuilder<OutboxMessageRecord> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasOne(o => o.Instance).WithMany().HasForeignKey(o => o.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(o => o.Kind).HasMaxLength(100);
        builder.Property(o => o.ElementId).HasMaxLength(200);
        // The dispatcher: unprocessed messages in the order written.
        builder.HasIndex(o => new { o.ProcessedAt, o.Id });
    }
}
