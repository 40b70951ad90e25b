using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Persistence.Configurations;

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntryRecord>
{
    public void Configure(EntityTypeBuilder<JournalEntryRecord> builder)
    {
        builder.ToTable("JournalEntries");
        builder.HasOne(j => j.Instance).WithMany().HasForeignKey(j => j.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(j => j.ElementId).HasMaxLength(200);
        builder.Property(j => j.Actor).HasMaxLength(200);
        // The case timeline reads one instance's entries in order; the id is the order of writing.
        builder.HasIndex(j => new { j.InstanceId, j.Id });
    }
}
