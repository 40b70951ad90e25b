using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitoringWorkflows.Web.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MonitoringTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MonitorMarks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastJournalId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitorMarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MonitorTallies",
                columns: table => new
                {
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    DefinitionVersionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    ElementId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Bucket = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    TicksSum = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitorTallies", x => new { x.DistrictId, x.DefinitionVersionId, x.Kind, x.ElementId, x.Bucket });
                });

            migrationBuilder.InsertData(
                table: "MonitorMarks",
                columns: new[] { "Id", "LastJournalId" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Open_District_Element",
                table: "UserTasks",
                columns: new[] { "DistrictId", "ElementId" },
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstances_Active_BusinessKey",
                table: "ProcessInstances",
                column: "BusinessKey",
                filter: "\"Status\" IN ('Running', 'Incident')");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstances_Active_Definition_BusinessKey",
                table: "ProcessInstances",
                columns: new[] { "DefinitionVersionId", "BusinessKey" },
                filter: "\"Status\" IN ('Running', 'Incident')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonitorMarks");

            migrationBuilder.DropTable(
                name: "MonitorTallies");

            migrationBuilder.DropIndex(
                name: "IX_UserTasks_Open_District_Element",
                table: "UserTasks");

            migrationBuilder.DropIndex(
                name: "IX_ProcessInstances_Active_BusinessKey",
                table: "ProcessInstances");

            migrationBuilder.DropIndex(
                name: "IX_ProcessInstances_Active_Definition_BusinessKey",
                table: "ProcessInstances");
        }
    }
}
