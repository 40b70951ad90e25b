using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitoringWorkflows.Web.Figures;

internal sealed class VictimFactConfiguration : IEntityTypeConfiguration<VictimFactRecord>
{
    public void Configure(EntityTypeBuilder<VictimFactRecord> builder)
    {
        builder.ToTable("VictimFacts");
        builder.Property(f => f.AgeGroup).HasMaxLength(10);
        builder.Property(f => f.Sex).HasMaxLength(10);
        builder.HasOne(f => f.Case).WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        // Counting reads a year's months (and a district's) in order; the case's index finds a case's facts.
        builder.HasIndex(f => new { f.Month, f.DistrictId });
    }
}
