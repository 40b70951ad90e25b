using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitoringWorkflows.Web.Organisation;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("Agencies");
        builder.HasKey(a => a.Code);
        // The same length as UserTasks.Agency, which holds these codes.
        builder.Property(a => a.Code).HasMaxLength(100);
        builder.Property(a => a.Name).HasMaxLength(200);
    }
}
