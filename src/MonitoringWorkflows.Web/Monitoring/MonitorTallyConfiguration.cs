using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitoringWorkflows.Web.Monitoring;

internal sealed class MonitorTallyConfiguration : IEntityTypeConfiguration<MonitorTally>
{
    public void Configure(EntityTypeBuilder<MonitorTally> builder)
    {
        builder.ToTable("MonitorTallies");
        // The monitor reads one district's rows of one version; the monthly chart one district's rows of two kinds.
        builder.HasKey(t => new { t.DistrictId, t.DefinitionVersionId, t.Kind, t.ElementId, t.Bucket });
        builder.Property(t => t.Kind).HasConversion(k => ((char)k).ToString(), s => (TallyKind)s[0]).HasMaxLength(1);
        builder.Property(t => t.ElementId).HasMaxLength(200);
    }
}

internal sealed class MonitorMarkConfiguration : IEntityTypeConfiguration<MonitorMark>
{
    public void Configure(EntityTypeBuilder<MonitorMark> builder)
    {
        builder.ToTable("MonitorMarks");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasData(new MonitorMark { Id = 1, LastJournalId = 0 });
    }
}
