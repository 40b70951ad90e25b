using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitoringWorkflows.Web.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CasesAwaitingProcessIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_AwaitingProcess",
                table: "Cases",
                columns: new[] { "DistrictId", "Year", "Sequence" },
                filter: "\"Status\" = 'ProcessNotStarted' OR \"ProcessInstanceId\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_AwaitingProcess",
                table: "Cases");
        }
    }
}
