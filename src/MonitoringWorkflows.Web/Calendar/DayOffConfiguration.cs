using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitoringWorkflows.Web.Calendar;

internal sealed class DayOffConfiguration : IEntityTypeConfiguration<DayOffRecord>
{
    public void Configure(EntityTypeBuilder<DayOffRecord> builder)
    {
        builder.ToTable("DaysOff");
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.AddedBy).HasMaxLength(256);
    }
}
