using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Persistence.Configurations;

internal sealed class ProcessDefinitionConfiguration : IEntityTypeConfiguration<ProcessDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<ProcessDefinitionRecord> builder)
    {
        builder.ToTable("ProcessDefinitions");
        builder.Property(d => d.Key).HasMaxLength(200);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Name).HasMaxLength(400);
        builder.Property(d => d.CreatedBy).HasMaxLength(200);
        builder.Property(d => d.PublishedBy).HasMaxLength(200);
        builder.Property(d => d.UpdatedBy).HasMaxLength(200);
        builder.Property(d => d.Revision).IsConcurrencyToken();
        builder.HasIndex(d => new { d.Key, d.Version }).IsUnique();
        // A draft is version 0 of its key (the unique index above already allows one); the filter says so explicitly.
        builder.HasIndex(d => d.Key).IsUnique().HasFilter("\"Status\" = 'Draft'").HasDatabaseName("IX_ProcessDefinitions_Draft");
    }
}
