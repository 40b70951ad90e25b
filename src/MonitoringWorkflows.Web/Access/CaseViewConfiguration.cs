using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitoringWorkflows.Web.Access;

internal sealed class CaseViewConfiguration : IEntityTypeConfiguration<CaseViewRecord>
{
    public const string Table = "CaseViews";

    public void Configure(EntityTypeBuilder<CaseViewRecord> builder)
    {
        builder.ToTable(Table);
        builder.Property(v => v.UserId).HasMaxLength(450);
        builder.Property(v => v.UserName).HasMaxLength(256);
        builder.Property(v => v.CaseNumber).HasMaxLength(40);
        builder.Property(v => v.Via).HasMaxLength(20);
        // The administrators' searches: by case, by user, by time.
        builder.HasIndex(v => new { v.CaseNumber, v.At });
        builder.HasIndex(v => new { v.UserName, v.At });
        builder.HasIndex(v => v.At);
    }
}
