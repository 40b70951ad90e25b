using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MonitoringWorkflows.Web.Persistence.Records;

namespace MonitoringWorkflows.Web.Persistence.Configurations;

internal sealed class UserTaskConfiguration : IEntityTypeConfiguration<UserTaskRecord>
{
    private const string OpenStep = "\"Status\" = 'Open'";
    private const string CompletedStep = "\"Status\" = 'Completed'";

    public void Configure(EntityTypeBuilder<UserTaskRecord> builder)
    {
        builder.ToTable("UserTasks");
        builder.HasOne(t => t.Instance).WithMany().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.ElementId).HasMaxLength(200);
        builder.Property(t => t.Name).HasMaxLength(400);
        builder.Property(t => t.Agency).HasMaxLength(100);
        builder.Property(t => t.Role).HasMaxLength(100);
        builder.Property(t => t.FormKey).HasMaxLength(200);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.ClaimedBy).HasMaxLength(200);
        builder.Property(t => t.CompletedBy).HasMaxLength(200);
        // The inbox: open steps of one agency (or role) in one district, soonest due first; and overdue steps across
        // agencies.
        // Partial indexes on open steps only: completing a step deletes its entries instead of moving them among the
        // closed ones, so a completion writes fewer pages and the indexes stay as small as the open work. SQLite uses
        // them only when the query says Status = 'Open' literally (in LINQ: compare with UserTaskStatus.Open, a
        // constant, not a variable) and filters on the column (Agency = ... implies Agency IS NOT NULL).
        builder.HasIndex(t => new { t.Agency, t.DistrictId, t.DueAt }, "IX_UserTasks_Open_Agency_District_DueAt")
            .HasFilter($"{OpenStep} AND \"Agency\" IS NOT NULL");
        builder.HasIndex(t => new { t.Role, t.DistrictId, t.DueAt }, "IX_UserTasks_Open_Role_District_DueAt")
            .HasFilter($"{OpenStep} AND \"Role\" IS NOT NULL");
        builder.HasIndex(t => t.DueAt, "IX_UserTasks_Open_DueAt")
            .HasFilter($"{OpenStep} AND \"DueAt\" IS NOT NULL");
        // The inbox's "claimed by me" and "done" lists, read in index order a page at a time. Done steps are many (every
        // completed instance leaves its steps), so their indexes hold completed steps only.
        // "Mine" leads with the claimer and also holds agency and district, so the planner prefers it (three columns
        // matched) over the district's index, along which it would filter every open step of the agency for a few claims.
        builder.HasIndex(t => new { t.ClaimedBy, t.Agency, t.DistrictId, t.DueAt }, "IX_UserTasks_Open_ClaimedBy_Agency_District_DueAt")
            .HasFilter($"{OpenStep} AND \"ClaimedBy\" IS NOT NULL");
        builder.HasIndex(t => new { t.Agency, t.DistrictId, t.CompletedAt }, "IX_UserTasks_Completed_Agency_District_CompletedAt")
            .HasFilter($"{CompletedStep} AND \"Agency\" IS NOT NULL");
        builder.HasIndex(t => new { t.Role, t.DistrictId, t.CompletedAt }, "IX_UserTasks_Completed_Role_District_CompletedAt")
            .HasFilter($"{CompletedStep} AND \"Role\" IS NOT NULL");
        builder.HasIndex(t => new { t.InstanceId, t.TaskId });
    }
}
