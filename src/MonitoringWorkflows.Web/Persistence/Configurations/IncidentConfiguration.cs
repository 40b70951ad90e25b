using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Persistence.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<IncidentRecord>
{
    public void Configure(EntityTypeBuilder<IncidentRecord> builder)
    {
        builder.ToTable("Incidents");
        builder.HasOne(i => i.Instance).WithMany().HasForeignKey(i => i.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Code).HasMaxLength(40);
        builder.Property(i => i.ElementId).HasMaxLength(200);
        builder.HasIndex(i => new { i.InstanceId, i.ResolvedAt });
        builder.HasIndex(i => new { i.ResolvedAt, i.CreatedAt });
    }
}
