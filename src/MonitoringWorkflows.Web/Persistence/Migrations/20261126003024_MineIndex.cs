using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitoringWorkflows.Web.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MineIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Open_ClaimedBy_DueAt",
                table: "UserTasks");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Open_ClaimedBy_Agency_District_DueAt",
                table: "UserTasks",
                columns: new[] { "ClaimedBy", "Agency", "DistrictId", "DueAt" },
                filter: "\"Status\" = 'Open' AND \"ClaimedBy\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Open_ClaimedBy_Agency_District_DueAt",
                table: "UserTasks");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Open_ClaimedBy_DueAt",
                table: "UserTasks",
                columns: new[] { "ClaimedBy", "DueAt" },
                filter: "\"Status\" = 'Open' AND \"ClaimedBy\" IS NOT NULL");
        }
    }
}
