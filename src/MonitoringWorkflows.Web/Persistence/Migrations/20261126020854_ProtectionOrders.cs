using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitoringWorkflows.Web.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProtectionOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProtectionOrders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessInstanceId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserTaskId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    IssuedOn = table.Column<long>(type: "INTEGER", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReplacedByOrderId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectionOrders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProtectionOrders_CaseId",
                table: "ProtectionOrders",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtectionOrders_DistrictId_ExpiresAt",
                table: "ProtectionOrders",
                columns: new[] { "DistrictId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProtectionOrders_RemindedAt_ExpiresAt",
                table: "ProtectionOrders",
                columns: new[] { "RemindedAt", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProtectionOrders_UserTaskId",
                table: "ProtectionOrders",
                column: "UserTaskId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProtectionOrders");
        }
    }
}
