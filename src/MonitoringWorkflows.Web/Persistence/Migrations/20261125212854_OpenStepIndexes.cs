using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitoringWorkflows.Web.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OpenStepIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Agency_Status_DueAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Role_Status_DueAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Status_DueAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_ProcessInstances_ParentInstanceId_ParentTokenId",
                table: "ProcessInstances");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Open_Agency_DueAt",
                table: "UserTasks",
                columns: new[] { "Agency", "DueAt" },
                filter: "\"Status\" = 'Open' AND \"Agency\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Open_DueAt",
                table: "UserTasks",
                column: "DueAt",
                filter: "\"Status\" = 'Open' AND \"DueAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Open_Role_DueAt",
                table: "UserTasks",
                columns: new[] { "Role", "DueAt" },
                filter: "\"Status\" = 'Open' AND \"Role\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstances_ParentInstanceId_ParentTokenId",
                table: "ProcessInstances",
                columns: new[] { "ParentInstanceId", "ParentTokenId" },
                filter: "\"ParentInstanceId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Open_Agency_DueAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Open_DueAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Open_Role_DueAt",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_ProcessInstances_ParentInstanceId_ParentTokenId",
                table: "ProcessInstances");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Agency_Status_DueAt",
                table: "UserTasks",
                columns: new[] { "Agency", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Role_Status_DueAt",
                table: "UserTasks",
                columns: new[] { "Role", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Status_DueAt",
                table: "UserTasks",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstances_ParentInstanceId_ParentTokenId",
                table: "ProcessInstances",
                columns: new[] { "ParentInstanceId", "ParentTokenId" });
        }
    }
}
