using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MonitoringWorkflows.Web.Organisation;

namespace MonitoringWorkflows.Web.Meetings;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<MeetingRecord>
{
    public void Configure(EntityTypeBuilder<MeetingRecord> builder)
    {
        builder.ToTable("Meetings");
        builder.Property(m => m.Place).HasMaxLength(MeetingLimits.Place);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.CreatedBy).HasMaxLength(200);
        builder.Property(m => m.ClosedBy).HasMaxLength(200);
        builder.Property(m => m.Revision).IsConcurrencyToken();
        builder.HasOne<District>().WithMany().HasForeignKey(m => m.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Items).WithOne(i => i.Meeting).HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        // The list splits a district's meetings into upcoming and past by date.
        builder.HasIndex(m => new { m.DistrictId, m.ScheduledAt });
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItemRecord>
{
    public void Configure(EntityTypeBuilder<AgendaItemRecord> builder)
    {
        builder.ToTable("AgendaItems");
        builder.Property(i => i.CaseNumber).HasMaxLength(40);
        builder.Property(i => i.Reasons).HasMaxLength(200);
        builder.Property(i => i.Decision).HasMaxLength(MeetingLimits.Decision);
        builder.Property(i => i.Outcome).HasMaxLength(40);
        builder.Property(i => i.Delivery).HasMaxLength(40);
        builder.Property(i => i.DeliveryNote).HasMaxLength(1000);
        builder.HasMany(i => i.Actions).WithOne(a => a.Item).HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
        // A case is on a meeting's agenda once; the proposal looks up a case's earlier reviews by number.
        builder.HasIndex(i => new { i.MeetingId, i.CaseNumber }).IsUnique();
        builder.HasIndex(i => i.CaseNumber);
    }
}

internal sealed class MeetingActionConfiguration : IEntityTypeConfiguration<MeetingActionRecord>
{
    public void Configure(EntityTypeBuilder<MeetingActionRecord> builder)
    {
        builder.ToTable("MeetingActions");
        builder.Property(a => a.Agency).HasMaxLength(60);
        builder.Property(a => a.Text).HasMaxLength(MeetingLimits.ActionText);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<AttendanceRecord>
{
    public void Configure(EntityTypeBuilder<AttendanceRecord> builder)
    {
        builder.ToTable("MeetingAttendance");
        builder.HasKey(a => new { a.MeetingId, a.Agency });
        builder.Property(a => a.Agency).HasMaxLength(60);
        builder.Property(a => a.Name).HasMaxLength(MeetingLimits.Name);
    }
}
