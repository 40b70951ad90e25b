using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitoringWorkflows.Web.Organisation;

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.ToTable("Districts");
        builder.Property(d => d.Code).HasMaxLength(10);
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.HasIndex(d => d.Code).IsUnique();
    }
}
