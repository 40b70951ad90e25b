using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MonitoringWorkflows.Web.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class VictimFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VictimFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    AgeGroup = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ViolenceTypes = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessInstanceId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VictimFacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VictimFacts_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VictimFacts_CaseId",
                table: "VictimFacts",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_VictimFacts_Month_DistrictId",
                table: "VictimFacts",
                columns: new[] { "Month", "DistrictId" });

            // The cases recorded before the table existed get their victims' facts from their stored reports.
            migrationBuilder.Sql(MonitoringWorkflows.Web.Figures.VictimFacts.Backfill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VictimFacts");
        }
    }
}
