using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Persistence.Configurations;

internal sealed class FormDefinitionConfiguration : IEntityTypeConfiguration<FormDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<FormDefinitionRecord> builder)
    {
        builder.ToTable("FormDefinitions");
        builder.Property(f => f.Key).HasMaxLength(200);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Name).HasMaxLength(400);
        builder.Property(f => f.CreatedBy).HasMaxLength(200);
        builder.Property(f => f.PublishedBy).HasMaxLength(200);
        builder.Property(f => f.UpdatedBy).HasMaxLength(200);
        builder.Property(f => f.Revision).IsConcurrencyToken();
        builder.HasIndex(f => new { f.Key, f.Version }).IsUnique();
        // A draft is version 0 of its key (the unique index above already allows one); the filter says so explicitly.
        builder.HasIndex(f => f.Key).IsUnique().HasFilter("\"Status\" = 'Draft'").HasDatabaseName("IX_FormDefinitions_Draft");
    }
}
