using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Persistence.Configurations;

internal sealed class UserTaskConfiguration : IEntityTypeConfiguration<UserTaskRecord>
{
    public void Configure(EntityTypeBuilder<UserTaskRecord> builder)
    {
        builder.ToTable("UserTasks");
        builder.HasOne(t => t.Instance).WithMany().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.ElementId).HasMaxLength(200);
        builder.Property(t => t.Name).HasMaxLength(400);
        builder.Property(t => t.Agency).HasMaxLength(100);
        builder.Property(t => t.Role).HasMaxLength(100);
        builder.Property(t => t.FormKey).HasMaxLength(200);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.ClaimedBy).HasMaxLength(200);
        builder.Property(t => t.CompletedBy).HasMaxLength(200);
        // The inbox: open steps of one agency (or role), soonest due first.
        builder.HasIndex(t => new { t.Agency, t.Status, t.DueAt });
        builder.HasIndex(t => new { t.Role, t.Status, t.DueAt });
        // Overdue steps across agencies.
        builder.HasIndex(t => new { t.Status, t.DueAt });
        builder.HasIndex(t => new { t.InstanceId, t.TaskId });
    }
}
