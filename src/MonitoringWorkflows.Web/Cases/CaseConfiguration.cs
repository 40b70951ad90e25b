using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MonitoringWorkflows.Web.Organisation;

namespace MonitoringWorkflows.Web.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<CaseRecord>
{
    public void Configure(EntityTypeBuilder<CaseRecord> builder)
    {
        builder.ToTable("Cases");
        builder.Property(c => c.Number).HasMaxLength(40);
        builder.Property(c => c.CreatedBy).HasMaxLength(200);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        // The last line of defence against two cases with one number, whatever allocated it.
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => new { c.DistrictId, c.Year, c.Sequence }).IsUnique();
        // The few cases waiting for their referral process (ReferralRestart.Awaiting), found without reading the others.
        builder.HasIndex(c => new { c.DistrictId, c.Year, c.Sequence }, AwaitingStart.Index).HasFilter(AwaitingStart.Filter);
        builder.HasOne<District>().WithMany().HasForeignKey(c => c.DistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> builder)
    {
        builder.ToTable("CaseNumberCounters");
        builder.HasKey(c => new { c.DistrictId, c.Year });
        builder.HasOne<District>().WithMany().HasForeignKey(c => c.DistrictId).OnDelete(DeleteBehavior.Cascade);
    }
}
