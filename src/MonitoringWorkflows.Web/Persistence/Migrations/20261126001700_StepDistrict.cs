using Microsoft.EntityFrameworkCore.Migrations;
using MonitoringWorkflows.Web.Persistence;

#nullable disable

namespace MonitoringWorkflows.Web.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StepDistrict : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Completed_Agency_CompletedAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Completed_Role_CompletedAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Open_Agency_DueAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Open_Role_DueAt",
                table: "UserTasks");

            migrationBuilder.AddColumn<int>(
                name: "DistrictId",
                table: "UserTasks",
                type: "INTEGER",
                nullable: true);

            // Steps written before this column get their case's district; new ones get it from the runner's insert.
            migrationBuilder.Sql(UserTaskDistrict.Backfill);

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Completed_Agency_District_CompletedAt",
                table: "UserTasks",
                columns: new[] { "Agency", "DistrictId", "CompletedAt" },
                filter: "\"Status\" = 'Completed' AND \"Agency\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Completed_Role_District_CompletedAt",
                table: "UserTasks",
                columns: new[] { "Role", "DistrictId", "CompletedAt" },
                filter: "\"Status\" = 'Completed' AND \"Role\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Open_Agency_District_DueAt",
                table: "UserTasks",
                columns: new[] { "Agency", "DistrictId", "DueAt" },
                filter: "\"Status\" = 'Open' AND \"Agency\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Open_Role_District_DueAt",
                table: "UserTasks",
                columns: new[] { "Role", "DistrictId", "DueAt" },
                filter: "\"Status\" = 'Open' AND \"Role\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Completed_Agency_District_CompletedAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Completed_Role_District_CompletedAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Open_Agency_District_DueAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Open_Role_District_DueAt",
                table: "UserTasks");

            migrationBuilder.DropColumn(
                name: "DistrictId",
                table: "UserTasks");

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
                name: "IX_UserTasks_Open_Agency_DueAt",
                table: "UserTasks",
                columns: new[] { "Agency", "DueAt" },
                filter: "\"Status\" = 'Open' AND \"Agency\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Open_Role_DueAt",
                table: "UserTasks",
                columns: new[] { "Role", "DueAt" },
                filter: "\"Status\" = 'Open' AND \"Role\" IS NOT NULL");
        }
    }
}
