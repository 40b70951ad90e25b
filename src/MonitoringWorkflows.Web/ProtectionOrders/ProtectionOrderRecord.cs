using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MonitoringWorkflows.Web.ProtectionOrders;

/// <summary>A short-term order the police issue (up to 60 days), or a long-term one a court grants (60 to 180 days).</summary>
public enum ProtectionOrderKind { ShortTerm, LongTerm }

/// <summary>
/// A protection order in force on a case, as the protective-measures step that recorded it said: kept as a row so the
/// chair sees the district's orders by their end, and their holders are told before an order ends.
/// </summary>
public sealed class ProtectionOrderRecord
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public int DistrictId { get; set; }

    /// <summary>The instance whose step recorded it (the protective measures, a child of the case's referral).</summary>
    public long ProcessInstanceId { get; set; }

    /// <summary>The step that recorded it: one order per step, however often its recording is tried.</summary>
    public long UserTaskId { get; set; }
    public ProtectionOrderKind Kind { get; set; }

    /// <summary>The agency that holds the order's step (the police, or the prosecutor for a court order).</summary>
    public string? Agency { get; set; }
    public DateTimeOffset IssuedOn { get; set; }
    public int Days { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>When the chair and the holder agency were told the order ends soon; null until then.</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    /// <summary>The court's long-term order on the same case that replaced this short-term one; null while it stands.</summary>
    public long? ReplacedByOrderId { get; set; }
}

internal sealed class ProtectionOrderConfiguration : IEntityTypeConfiguration<ProtectionOrderRecord>
{
    public void Configure(EntityTypeBuilder<ProtectionOrderRecord> builder)
    {
        builder.ToTable("ProtectionOrders");
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Agency).HasMaxLength(40);
        builder.Property(o => o.RecordedBy).HasMaxLength(256);
        builder.HasIndex(o => o.UserTaskId).IsUnique();
        // The chair's list and count: a district's orders by their end.
        builder.HasIndex(o => new { o.DistrictId, o.ExpiresAt });
        // The expiry sweep: orders not yet reminded, by their end.
        builder.HasIndex(o => new { o.RemindedAt, o.ExpiresAt });
        builder.HasIndex(o => o.CaseId);
    }
}
