using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitoringWorkflows.Web.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Completed_Agency_CompletedAt",
                table: "UserTasks",
                columns: new[] { "Agency", "CompletedAt" },
                filter: "\"Status\" = 'Completed' AND \"Agency\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Completed_Role_CompletedAt",
                table: "UserTasks",
                columns: new[] { "Role", "CompletedAt" },
                filter: "\"Status\" = 'Completed' AND \"Role\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Open_ClaimedBy_DueAt",
                table: "UserTasks",
                columns: new[] { "ClaimedBy", "DueAt" },
                filter: "\"Status\" = 'Open' AND \"ClaimedBy\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Completed_Agency_CompletedAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Completed_Role_CompletedAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Open_ClaimedBy_DueAt",
                table: "UserTasks");
        }
    }
}
