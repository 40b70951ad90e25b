using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Persistence.Configurations;

internal sealed class TimerConfiguration : IEntityTypeConfiguration<TimerRecord>
{
    public void Configure(EntityTypeBuilder<TimerRecord> builder)
    {
        builder.ToTable("Timers");
        builder.HasOne(t => t.Instance).WithMany().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.ElementId).HasMaxLength(200);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        // The scheduler: pending timers, soonest due first.
        builder.HasIndex(t => new { t.Status, t.DueAt });
        builder.HasIndex(t => new { t.InstanceId, t.TimerId });
    }
}
