using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitoringWorkflows.Web.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<NotificationRecord>
{
    public void Configure(EntityTypeBuilder<NotificationRecord> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.RecipientId).HasMaxLength(450);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Subject).HasMaxLength(400);
        builder.Property(n => n.Text).HasMaxLength(4000);
        builder.Property(n => n.CaseNumber).HasMaxLength(40);
        builder.Property(n => n.Link).HasMaxLength(400);
        builder.Property(n => n.Source).HasMaxLength(100);
        // The bell (unread of one user) and the list (one user's, newest first).
        builder.HasIndex(n => new { n.RecipientId, n.ReadAt, n.CreatedAt });
        builder.HasIndex(n => new { n.RecipientId, n.Source }).IsUnique();
    }
}

internal sealed class StepDeadlineConfiguration : IEntityTypeConfiguration<StepDeadlineRecord>
{
    public void Configure(EntityTypeBuilder<StepDeadlineRecord> builder)
    {
        builder.ToTable("StepDeadlines");
        builder.HasKey(d => d.UserTaskId);
        builder.Property(d => d.UserTaskId).ValueGeneratedNever();
        // The sweep seeks each pending stage by due date; finished deadlines sit in the index under a stage never read.
        builder.HasIndex(d => new { d.Stage, d.DueAt });
    }
}

internal sealed class NotificationCursorConfiguration : IEntityTypeConfiguration<NotificationCursorRecord>
{
    public void Configure(EntityTypeBuilder<NotificationCursorRecord> builder)
    {
        builder.ToTable("NotificationCursors");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(50);
    }
}
