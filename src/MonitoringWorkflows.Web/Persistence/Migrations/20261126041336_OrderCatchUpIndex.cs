using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitoringWorkflows.Web.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OrderCatchUpIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Completed_OrderSteps_CompletedAt",
                table: "UserTasks",
                column: "CompletedAt",
                filter: "\"Status\" = 'Completed' AND \"FormKey\" IN ('protection-order', 'court-order')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Completed_OrderSteps_CompletedAt",
                table: "UserTasks");
        }
    }
}
